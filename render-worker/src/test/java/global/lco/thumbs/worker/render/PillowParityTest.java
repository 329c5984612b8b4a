package global.lco.thumbs.worker.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.zip.CRC32;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Thumbnails of a deterministic pattern compared with CRC32s of Pillow 12.3
 * {@code Image.thumbnail((box, box), LANCZOS)} outputs of the same pattern (computed offline with
 * numpy: {@code (x·7 + y·13 + (x·y mod 31)·5 + channel·50) & 255}).
 */
class PillowParityTest {

  @ParameterizedTest(name = "{0}×{1}×{2} into {3}")
  @CsvSource({
      "1523, 1020, 1, 200, 200, 134, 1855821350",
      "2048, 2047, 1, 199, 199, 199, 3364328583",
      "555, 333, 3, 64, 64, 38, 239371683",
      "1001, 777, 1, 200, 200, 155, 3309034371",
  })
  @DisplayName("Box reduce plus Lanczos resample reproduces Pillow's thumbnail byte for byte")
  void matchesPillow(int w, int h, int channels, int box, int expectW, int expectH, long crc) {
    Size size = Resize.fitInside(w, h, box, box);
    assertThat(size).isEqualTo(new Size(expectW, expectH));
    byte[] out = Resize.thumbnail(pattern(w, h, channels), w, h, channels, size.width(), size.height());
    CRC32 actual = new CRC32();
    actual.update(out);
    assertThat(actual.getValue()).isEqualTo(crc);
  }

  private static byte[] pattern(int w, int h, int channels) {
    byte[] img = new byte[w * h * channels];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < channels; c++) {
          long v = x * 7L + y * 13L + ((long) x * y % 31) * 5 + c * 50L;
          img[(y * w + x) * channels + c] = (byte) (v & 255);
        }
      }
    }
    return img;
  }
}
