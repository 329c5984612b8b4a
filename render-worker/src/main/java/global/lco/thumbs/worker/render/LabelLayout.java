package global.lco.thumbs.worker.render;

import java.awt.Rectangle;
import java.awt.font.GlyphVector;
import java.awt.geom.Point2D;

/**
 * A label's glyphs at one font size, placed as Pillow (with HarfBuzz) places them: pen positions
 * are sums of unhinted advances in 1/64 px, and each glyph image goes to the nearest whole pixel.
 *
 * @param glyphs    hinted glyphs at their pixel positions, pen starting at x = 0 on baseline y = 0
 * @param width     what Pillow's {@code getsize} reports: the pen's end or the ink's right edge, whichever is further
 * @param inkBottom lowest ink row below the baseline, exclusive (negative when all ink is above it)
 */
record LabelLayout(GlyphVector glyphs, int width, int inkBottom) {

  static LabelLayout of(String text, int size) {
    var font = LabelFont.size(size);
    GlyphVector hinted = font.createGlyphVector(LabelFont.HINTED, text);
    GlyphVector linear = font.createGlyphVector(LabelFont.LINEAR, text);
    long pen = 0;
    int right = 0;
    int bottom = Integer.MIN_VALUE;
    for (int i = 0; i < hinted.getNumGlyphs(); i++) {
      hinted.setGlyphPosition(i, new Point2D.Float(pixel(pen), 0));
      Rectangle ink = hinted.getGlyphPixelBounds(i, LabelFont.HINTED, 0, 0);
      if (!ink.isEmpty()) {
        right = Math.max(right, ink.x + ink.width);
        bottom = Math.max(bottom, ink.y + ink.height);
      }
      pen += Math.round(linear.getGlyphMetrics(i).getAdvanceX() * 64.0);
    }
    return new LabelLayout(hinted, Math.max(right, pixel(pen)), bottom == Integer.MIN_VALUE ? 0 : bottom);
  }

  /** A 26.6 fixed-point position rounded to the nearest pixel, halves up. */
  private static int pixel(long sixtyFourths) {
    return (int) ((sixtyFourths + 32) >> 6);
  }
}
