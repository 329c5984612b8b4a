package global.lco.thumbs.worker.fits;

/**
 * A decoded 2-D image in physical units: {@code pixels[row * width + col]}, FITS row 0 first.
 * Missing values (BLANK, NaN, ±Inf) are {@link Float#NaN}.
 */
public record FitsImage(int width, int height, float[] pixels) {
}
