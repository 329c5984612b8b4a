package global.lco.thumbs.worker.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled DejaVu Sans Mono at every label size, and the two ways fits2image's Pillow measures
 * it: HarfBuzz lays the text out with the font's unhinted advances (in 1/64 px), while FreeType
 * draws each glyph hinted, at a whole-pixel position.
 */
final class LabelFont {
  private static final Logger LOG = LoggerFactory.getLogger(LabelFont.class);

  static final int MAX_SIZE = 20;
  private static final String FONT_RESOURCE = "/fonts/DejaVuSansMono.ttf";

  /**
   * Pillow's FreeType hints TrueType glyphs with its default interpreter (v40: vertical hinting
   * only). The JDK pins FreeType to the older v35 (hinting both ways) unless this environment
   * variable asks otherwise, which it must do before the JVM starts; without it glyphs still
   * land on the same pixels but their shapes differ slightly from the reference renderer's.
   */
  static final String FREETYPE_PROPERTIES = "truetype:interpreter-version=40";

  static {
    // Must happen before the first AWT class initialises its toolkit; a worker has no display.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Glyph images: antialiased, hinted, whole-pixel advances. */
  static final FontRenderContext HINTED = new FontRenderContext(null, RenderingHints.VALUE_TEXT_ANTIALIAS_ON,
      RenderingHints.VALUE_FRACTIONALMETRICS_OFF);

  /** Layout: the unhinted (linear) advances. */
  static final FontRenderContext LINEAR = new FontRenderContext(null, RenderingHints.VALUE_TEXT_ANTIALIAS_ON,
      RenderingHints.VALUE_FRACTIONALMETRICS_ON);

  /** Fonts are immutable, so one loaded copy (and its derived sizes) is shared by all threads. */
  private static final Font[] SIZES = loadSizes();

  private LabelFont() {
  }

  static Font size(int pixels) {
    return SIZES[pixels];
  }

  /** True when the JVM was started with FreeType's v40 hinting, as the reference renderer uses. */
  static boolean hintedLikeReference() {
    String properties = System.getenv("FREETYPE_PROPERTIES");
    return properties != null && properties.contains(FREETYPE_PROPERTIES);
  }

  private static Font[] loadSizes() {
    if (!hintedLikeReference()) {
      LOG.warn("FREETYPE_PROPERTIES does not contain {}: label glyphs will be hinted differently from fits2image's "
          + "(1-2 levels of mean difference on a 200 px thumbnail); set it in the environment before starting Java",
          FREETYPE_PROPERTIES);
    }
    try (InputStream in = LabelFont.class.getResourceAsStream(FONT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("font resource missing: " + FONT_RESOURCE);
      }
      Font base = Font.createFont(Font.TRUETYPE_FONT, in);
      Font[] sizes = new Font[MAX_SIZE + 1];
      for (int s = 1; s <= MAX_SIZE; s++) {
        sizes[s] = base.deriveFont((float) s);
      }
      return sizes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("bad font resource " + FONT_RESOURCE, e);
    }
  }
}
