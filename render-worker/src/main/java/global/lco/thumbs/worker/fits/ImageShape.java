package global.lco.thumbs.worker.fits;

/**
 * What a header says about an image before its data is read.
 *
 * @param decodeOverheadBytes heap the decoder holds besides the decoded floats: nom-tam-fits' stored
 *                            values, or the RICE fast path's per-band tile scratch
 * @param tiles               how many tiles the image is compressed in (0 when stored plain)
 */
public record ImageShape(int width, int height, long decodeOverheadBytes, long tiles) {
  public long pixels() {
    return (long) width * height;
  }
}
