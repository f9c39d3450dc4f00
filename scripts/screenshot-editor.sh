#!/usr/bin/env bash
# docs/editor-neovim.png: Debian's Neovim (0.7) in xterm under Xvfb, its built-in LSP client
# talking to `planlint lsp --stdio` on examples/draft.txt, captured with xwd + ImageMagick.
#   apt-get install -y --no-install-recommends neovim xterm xvfb x11-apps imagemagick fonts-noto-cjk
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shot="$(mktemp -d)"
trap 'kill "${xterm_pid:-}" "${xvfb_pid:-}" 2>/dev/null || true; rm -rf "$shot"' EXIT
cp "$root/examples/draft.txt" "$shot/实施方案.txt"
cp "$root/examples/planlint.config.yaml" "$shot/"
Xvfb :57 -screen 0 1500x760x24 >/dev/null 2>&1 & xvfb_pid=$!
sleep 2
DISPLAY=:57 SHOT_DIR="$shot" PLANLINT_BIN="$root/bin/planlint.js" XDG_CONFIG_HOME="$shot/cfg" \
  xterm -geometry 118x30+0+0 -fa 'DejaVu Sans Mono' -fd 'Noto Sans Mono CJK SC' -fs 12 -bg '#1e1e1e' -fg '#d4d4d4' \
  -e nvim -u "$root/scripts/screenshot-editor/init.lua" "$shot/实施方案.txt" & xterm_pid=$!
sleep "${WAIT:-45}"   # the server starts, lints, and the float opens
DISPLAY=:57 xwd -root -silent | convert xwd:- -crop 1185x605+0+0 +repage -strip "$root/docs/editor-neovim.png"
echo "docs/editor-neovim.png"
