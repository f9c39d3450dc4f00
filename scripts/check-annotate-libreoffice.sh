#!/usr/bin/env bash
# Round-trips `planlint annotate` through LibreOffice: annotates the Word fixtures, then
# has LibreOffice (headless) open each annotated copy and convert it to .odt and .pdf.
# Checks that the conversions succeed and that LibreOffice saw planlint's comments
# (office:annotation whose dc:creator is planlint in content.xml) and tracked changes (text:changed-region).
# Needs soffice (apt-get install -y libreoffice-writer-nogui). Exit 0 only if all pass.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "FAIL: soffice not found (apt-get install -y libreoffice-writer-nogui)"; exit 1; }
# dist/ as the tests build it (tsc emits even when another file has a type error).
node node_modules/typescript/bin/tsc -p tsconfig.build.json >/dev/null || true

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
profile="file://$work/profile"
status=0
soffice --version
for name in residue nansha; do
  cp "test/fixtures/formats/$name.docx" "$work/$name.docx"
  set +e
  node bin/planlint.js annotate "$work/$name.docx" -o "$work/$name.reviewed.docx"
  rc=$?
  set -e
  echo "planlint annotate $name.docx: exit $rc"
  if [ ! -f "$work/$name.reviewed.docx" ]; then echo "FAIL: no output for $name"; status=1; continue; fi
  cmp -s "test/fixtures/formats/$name.docx" "$work/$name.docx" && echo "original $name.docx unchanged: ok" || { echo "FAIL: original changed"; status=1; }
  for fmt in odt pdf; do
    if soffice "-env:UserInstallation=$profile" --headless --convert-to "$fmt" --outdir "$work/out" "$work/$name.reviewed.docx" >"$work/soffice.log" 2>&1 \
      && [ -s "$work/out/$name.reviewed.$fmt" ]; then
      echo "LibreOffice converted $name.reviewed.docx -> $fmt ($(stat -c %s "$work/out/$name.reviewed.$fmt") bytes)"
    else
      echo "FAIL: LibreOffice could not convert $name.reviewed.docx to $fmt"; cat "$work/soffice.log"; status=1
    fi
  done
  if [ -f "$work/out/$name.reviewed.odt" ]; then
    content=$(unzip -p "$work/out/$name.reviewed.odt" content.xml)
    comments=$(grep -o '<office:annotation [^>]*><dc:creator>planlint</dc:creator>' <<<"$content" | wc -l)
    changes=$(grep -o '<text:changed-region' <<<"$content" | wc -l)
    echo "  LibreOffice reads $comments planlint comments and $changes tracked changes in $name"
    [ "$comments" -gt 0 ] || { echo "FAIL: no planlint comments survived"; status=1; }
    [ "$changes" -gt 0 ] || { echo "FAIL: no tracked changes survived"; status=1; }
  fi
done
[ $status -eq 0 ] && echo "PASS: annotate round-trips through LibreOffice" || echo "FAIL"
exit $status
