package global.lco.thumbs.worker.orient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The north-up rule on a table of CD matrices: position angles 0/90/180/270 and 7° either side, each
 * with and without a flipped axis. Each case is checked twice: against the turn the rule must give
 * (worked out by hand from the angle), and by turning a picture with a north and an east marker and
 * looking where the markers end up.
 */
class NorthUpTest {
  private static final double SCALE = 0.0003; // degrees per pixel, an LCO 0.4 m's

  /** CD of a camera whose north is {@code angle}° counter-clockwise from +y; {@code flipped} reverses pixel x. */
  static CdMatrix cd(double angle, boolean flipped) {
    double c = Math.cos(Math.toRadians(angle));
    double s = Math.sin(Math.toRadians(angle));
    // Unflipped: east towards −x at angle 0, as the FITS picture shows with row 0 at the bottom.
    double m11 = -SCALE * c;
    double m12 = -SCALE * s;
    double m21 = -SCALE * s;
    double m22 = SCALE * c;
    if (flipped) {
      m11 = -m11;
      m21 = -m21;
    }
    return new CdMatrix(m11, m12, m21, m22);
  }

  static Stream<Arguments> table() {
    var cases = new ArrayList<Arguments>();
    for (int quadrant = 0; quadrant < 4; quadrant++) {
      for (double wobble : new double[] {-7, 0, 7}) {
        for (boolean flipped : new boolean[] {false, true}) {
          cases.add(Arguments.of(quadrant * 90 + wobble, flipped, expected(quadrant, flipped)));
        }
      }
    }
    return cases.stream();
  }

  /**
   * By hand: on the picture with row 0 at the top an unflipped camera at angle 0 shows north down and
   * east left, a mirror away from the right parity; the mirror leaves north down, so a half turn
   * follows (the legacy flip). A flipped camera at angle 0 shows north down and east right: right
   * parity, half turn. Each quarter of the angle moves north a quarter turn, which one counter-clockwise
   * quarter turn fewer undoes (for the unflipped camera the mirror reverses its sense, for the flipped
   * one the flip does).
   */
  private static Turn expected(int quadrant, boolean flipped) {
    return new Turn(!flipped, 2 - quadrant);
  }

  @ParameterizedTest(name = "north at {0}°, flipped={1}: {2}")
  @MethodSource("table")
  @DisplayName("Every table entry gets the turn worked out by hand")
  void tableTurns(double angle, boolean flipped, Turn expected) {
    assertThat(NorthUp.turn(cd(angle, flipped))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "north at {0}°, flipped={1}")
  @MethodSource("table")
  @DisplayName("After the turn a north marker is above the centre and an east marker left of it")
  void markersEndUpNorthUpEastLeft(double angle, boolean flipped, Turn ignored) {
    var cd = cd(angle, flipped);
    int size = 41;
    int centre = 20;
    double det = cd.determinant();
    // Pixel steps of one unit north and one unit east, normalised to 10 pixels.
    double[] north = unit(-cd.m12() / det, cd.m11() / det);
    double[] east = unit(cd.m22() / det, -cd.m21() / det);
    byte[] picture = new byte[size * size];
    // The FITS array drawn with row 0 at the top: FITS row y is picture row y.
    picture[centre * size + centre] = 1;
    picture[(centre + (int) Math.round(north[1])) * size + centre + (int) Math.round(north[0])] = 2;
    picture[(centre + (int) Math.round(east[1])) * size + centre + (int) Math.round(east[0])] = 3;
    byte[] turned = NorthUp.turn(cd).apply(picture, size, size, 1);
    int[] c = find(turned, size, 1);
    int[] n = find(turned, size, 2);
    int[] e = find(turned, size, 3);
    assertThat(c[1] - n[1]).as("north is up").isGreaterThan(Math.abs(n[0] - c[0]));
    assertThat(c[0] - e[0]).as("east is left").isGreaterThan(Math.abs(e[1] - c[1]));
  }

  @Test
  @DisplayName("A rotation-0 LCO camera (CD1_1 < 0, CD2_2 > 0) gets exactly the legacy flip")
  void lcoRotationZeroIsTheLegacyFlip() {
    var turn = NorthUp.turn(new CdMatrix(-0.0002161, 0, 0, 0.0002161));
    assertThat(turn).isEqualTo(Turn.LEGACY_FLIP);
    assertThat(turn.afterLegacyFlip()).isEqualTo(Turn.NONE);
  }

  @Test
  @DisplayName("Missing, non-finite or singular CD matrices are no matrix, so the legacy flip stays")
  void unusableMatrices() {
    assertThat(CdMatrix.of(1e-4, 0, 0, Double.NaN)).isEmpty();
    assertThat(CdMatrix.of(1e-4, 0, 0, Double.POSITIVE_INFINITY)).isEmpty();
    assertThat(CdMatrix.of(1e-11, 0, 0, 1e-11)).as("|det| = 1e-22").isEmpty();
    assertThat(CdMatrix.of(1e-4, 2e-4, 1e-4, 2e-4)).as("singular").isEmpty();
    assertThat(CdMatrix.of(-1e-4, 0, 0, 1e-4)).isPresent();
    var header = new nom.tam.fits.Header();
    header.addValue("CD1_1", -1e-4, "");
    header.addValue("CD2_2", 1e-4, "");
    assertThat(CdMatrix.read(header)).as("CD1_2 and CD2_1 absent").isEmpty();
  }

  private static double[] unit(double x, double y) {
    double length = Math.hypot(x, y);
    return new double[] {10 * x / length, 10 * y / length};
  }

  private static int[] find(byte[] picture, int size, int value) {
    for (int i = 0; i < picture.length; i++) {
      if (picture[i] == value) {
        return new int[] {i % size, i / size};
      }
    }
    throw new AssertionError("marker " + value + " lost");
  }

  static List<Turn> allTurns() {
    var all = new ArrayList<Turn>();
    for (boolean mirror : new boolean[] {false, true}) {
      for (int k = 0; k < 4; k++) {
        all.add(new Turn(mirror, k));
      }
    }
    return all;
  }
}
