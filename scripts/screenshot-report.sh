#!/usr/bin/env bash
# Renders planlint's HTML report of the corpus in headless Chromium and saves a screenshot
# (docs/html-report.png by default). It checks that the page opens offline, that the
# findings are highlighted in the rendered DOM, and leaves the picture for a person to look
# at. Not a vitest test: CI machines may lack Chromium.
#
#   apt-get install -y chromium fonts-noto-cjk   # Debian; the fonts render the Chinese text
#   scripts/screenshot-report.sh [out.png]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/docs/html-report.png}"
corpus="$root/../shared/corpus"

chromium_bin="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$chromium_bin" ]]; then
  echo "screenshot-report: 找不到 Chromium（Debian：apt-get install -y chromium fonts-noto-cjk）" >&2
  exit 2
fi
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  echo "screenshot-report: 提示：没有中文字体，截图中的汉字会显示为方框（apt-get install -y fonts-noto-cjk）" >&2
fi
[[ -f "$root/dist/src/cli/index.js" ]] || (cd "$root" && npm run build >/dev/null)

work="$(mktemp -d)"
profile="$(mktemp -d)"
trap 'rm -rf "$work" "$profile"' EXIT
mkdir -p "$work/drafts"
cp "$corpus"/*.txt "$work/drafts/"
chmod u+w "$work/drafts/"*.txt

# Exit code 1 means findings (expected on the corpus); 2 means planlint could not run.
set +e
(cd "$work" && node "$root/bin/planlint.js" drafts/ --format html:report.html --format stylish >/dev/null)
code=$?
set -e
if [[ $code -ge 2 || ! -s "$work/report.html" ]]; then
  echo "screenshot-report: planlint 未能生成报告（退出码 $code）" >&2
  exit 2
fi

flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
  --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$profile")

# The DOM as Chromium built it: the findings must be there, highlighted.
dom="$("$chromium_bin" "${flags[@]}" --dump-dom "file://$work/report.html" 2>/dev/null)"
articles="$(grep -o '<article class="finding' <<<"$dom" | wc -l)"
marks="$(grep -o '<mark' <<<"$dom" | wc -l)"
if [[ "$articles" -eq 0 || "$marks" -eq 0 ]]; then
  echo "screenshot-report: Chromium 打开的报告中没有问题条目或高亮（条目 $articles，高亮 $marks）" >&2
  exit 1
fi

mkdir -p "$(dirname "$out")"
"$chromium_bin" "${flags[@]}" --window-size=1200,2200 --screenshot="$out" "file://$work/report.html" >/dev/null 2>&1
[[ -s "$out" ]] || { echo "screenshot-report: 截图失败" >&2; exit 1; }
echo "screenshot-report: $articles 个问题条目，$marks 处高亮；截图已保存到 ${out#$root/}"
