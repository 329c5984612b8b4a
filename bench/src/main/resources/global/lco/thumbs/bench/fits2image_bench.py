"""Times the reference renderer, fits2image 0.4.6, the way the old thumbnail service's workers ran
it: one warm Python process calling fits_to_jpg on local files (no network), to a JPEG of the same
size and quality as the service's.

Run by the benchmark (BenchMain) with Debian's /usr/bin/python3 (astropy, numpy, Pillow):

  fits2image_bench.py --reference DIR --out OUT.jpg --file F [--color R G B] serve
      reads one word a line from stdin (mono, median or color), renders once, and answers one line
      of JSON: {"mode": ..., "ms": milliseconds of the fits_to_jpg call}
  fits2image_bench.py --reference DIR --out OUT.jpg --file F loop SECONDS
      renders mono in a loop for SECONDS after one untimed render and prints
      {"renders": n, "seconds": s} (a throughput run: the benchmark starts one per core, as the
      old service ran one worker process per core)
"""
import argparse
import json
import sys
import time
import warnings

FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--reference', required=True, help='the fits2image-0.4.6 folder (holding fits2image/)')
    ap.add_argument('--width', type=int, default=500)
    ap.add_argument('--height', type=int, default=500)
    ap.add_argument('--quality', type=int, default=80)
    ap.add_argument('--out', required=True)
    ap.add_argument('--file', required=True)
    ap.add_argument('--color', nargs=3, metavar=('RED', 'GREEN', 'BLUE'))
    ap.add_argument('command', choices=('serve', 'loop'))
    ap.add_argument('seconds', type=float, nargs='?', default=10.0)
    a = ap.parse_args()
    warnings.simplefilter('ignore')
    sys.path.insert(0, a.reference)
    from fits2image.conversions import fits_to_jpg

    def render(mode):
        color = mode == 'color'
        if color and not a.color:
            raise ValueError('no --color files given')
        # The old service's call (thumbnail-service 3.0.2): no label, the font named anyway.
        ok = fits_to_jpg(list(a.color) if color else a.file, a.out, width=a.width, height=a.height,
                         label_text='', label_font=FONT, color=color, median=mode == 'median',
                         percentile=99.5, quality=a.quality)
        if not ok:
            raise RuntimeError('fits_to_jpg returned False')

    if a.command == 'loop':
        render('mono')
        start = time.perf_counter()
        end = start + a.seconds
        renders = 0
        while time.perf_counter() < end:
            render('mono')
            renders += 1
        print(json.dumps({'renders': renders, 'seconds': time.perf_counter() - start}), flush=True)
        return 0
    for line in sys.stdin:
        mode = line.strip()
        if not mode:
            continue
        t0 = time.perf_counter()
        render(mode)
        print(json.dumps({'mode': mode, 'ms': (time.perf_counter() - t0) * 1000.0}), flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
