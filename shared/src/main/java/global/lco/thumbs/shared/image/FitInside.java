package global.lco.thumbs.shared.image;

/**
 * Pillow (≥ 9) thumbnail size rule, shared by the renderer (a thumbnail's size) and the gateway (a
 * IIIF {@code !w,h} or {@code max} size, which must equal the thumbnail's for the same box): keep the
 * aspect ratio, pick whichever of floor/ceil keeps it closer (at least 1 px), never enlarge.
 */
public final class FitInside {

  /** Pixel dimensions. */
  public record Dimensions(int width, int height) {
  }

  private FitInside() {
  }

  public static Dimensions of(int w, int h, int boxW, int boxH) {
    if (boxW >= w && boxH >= h) {
      return new Dimensions(w, h);
    }
    double aspect = (double) w / h;
    if ((double) boxW / boxH >= aspect) {
      double exact = boxH * aspect;
      int lo = (int) Math.floor(exact);
      int hi = (int) Math.ceil(exact);
      // Python's min() keeps the first of equal keys, so ties go to floor.
      int x = Math.abs(aspect - (double) hi / boxH) < Math.abs(aspect - (double) lo / boxH) ? hi : lo;
      return new Dimensions(Math.max(x, 1), boxH);
    }
    double exact = boxW / aspect;
    int lo = (int) Math.floor(exact);
    int hi = (int) Math.ceil(exact);
    int y = heightError(aspect, boxW, hi) < heightError(aspect, boxW, lo) ? hi : lo;
    return new Dimensions(boxW, Math.max(y, 1));
  }

  /** Pillow's key for the height choice; a zero height scores 0 there, and max(…, 1) then fixes it. */
  private static double heightError(double aspect, int width, int height) {
    return height == 0 ? 0 : Math.abs(aspect - (double) width / height);
  }
}
