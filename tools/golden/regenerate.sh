#!/usr/bin/env bash
# Regenerates the golden references under testdata/golden/ with the reference renderer,
# fits2image 0.4.6, run by ../shared/reference/render_reference.py on Debian's Python. Only this
# script needs Python; the tests that read the PNGs do not.
#
#   apt-get install -y python3-astropy python3-numpy python3-pil fonts-dejavu-core
#   tools/golden/regenerate.sh [REFERENCE_DIR]     (default: ../shared/reference beside the project)
#
# Each case of testdata/golden/cases.tsv becomes <name>.png: the 8-bit image fits2image hands to
# the JPEG encoder (grey cases stored as one channel, which is lossless: fits2image only
# replicated the grey into R, G and B). VERSIONS.md records what made them.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
reference="${1:-$root/../shared/reference}"
python=/usr/bin/python3
golden="$root/testdata/golden"
fits="$root/testdata/fits"
[ -x "$reference/render_reference.py" ] || { echo "no render_reference.py in $reference" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

grep -v '^#' "$golden/cases.tsv" | while IFS=$'\t' read -r name width height median label expect files; do
  args=(--width "$width" --height "$height" --quality 100 --raw-png "$tmp/raw.png")
  [ "$median" = yes ] && args+=(--median)
  [ "$label" != - ] && args+=(--label "$label")
  IFS=, read -r -a inputs <<< "$files"
  if [ "${#inputs[@]}" -eq 3 ]; then
    args+=(--color)
  fi
  paths=()
  for f in "${inputs[@]}"; do paths+=("$fits/$f"); done
  "$python" "$reference/render_reference.py" "${args[@]}" "${paths[@]}" "$tmp/out.jpg" > /dev/null
  "$python" - "$tmp/raw.png" "$golden/$name.png" "${#inputs[@]}" <<'PY'
import sys
from PIL import Image
raw, out, inputs = sys.argv[1], sys.argv[2], int(sys.argv[3])
image = Image.open(raw)
if inputs == 1:
    r, g, b = image.split()
    assert r.tobytes() == g.tobytes() == b.tobytes(), 'a mono reference should be grey'
    image = r
image.save(out, format='PNG', optimize=True)
PY
  echo "$name.png"
done

"$python" - "$reference" > "$golden/VERSIONS.md" <<'PY'
import sys, platform, numpy, astropy, PIL
from PIL import ImageFont, features
print('# What made the golden references\n')
print('Written by `tools/golden/regenerate.sh`; regenerate after changing `cases.tsv`.\n')
print('- fits2image 0.4.6 (`%s/fits2image-0.4.6`, tag 0.4.6, commit 1d02d43f0313eb6b0ea337253ac73da5f44ca056, GPL-3.0),'
      % 'shared/reference')
print('  run by `render_reference.py` at `--quality 100` with `--raw-png` (the image before JPEG encoding)')
print('- Python %s, numpy %s, astropy %s, Pillow %s (FreeType %s, raqm %s)' % (
    platform.python_version(), numpy.__version__, astropy.__version__, PIL.__version__,
    ImageFont.core.freetype2_version, 'yes' if features.check('raqm') else 'no'))
print('- Label font: Debian `fonts-dejavu-core` DejaVuSansMono.ttf (the same file the jar bundles)')
PY
echo "wrote $(grep -vc '^#' "$golden/cases.tsv") references and VERSIONS.md to $golden"
