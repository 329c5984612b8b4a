package global.lco.thumbs.worker.compare;

/** How close a golden case must come to the reference renderer's image (sizes must always match). */
public enum Expectation {
  /** The same pixels, but for single levels where float arithmetic rounds the other way. */
  IDENTICAL("at most 1 level off") {
    @Override
    boolean met(ImageDifference d) {
      return d.maxDifference() <= 1;
    }
  },
  /** A labelled thumbnail: glyph edges may blend a little differently where glyphs overlap. */
  LABEL("mean difference at most 0.5") {
    @Override
    boolean met(ImageDifference d) {
      return d.worstMean() <= 0.5;
    }
  },
  /** A colour composite of frames that share one pixel grid, which fits2image stacks as they are. */
  COREGISTERED("mean difference at most 1 per channel") {
    @Override
    boolean met(ImageDifference d) {
      return d.worstMean() <= 1;
    }
  },
  /** docs/rendering.md, fidelity's acceptance: registration may legitimately move a channel fits2image leaves alone. */
  SPEC("mean difference at most 3 and SSIM at least 0.95 per channel") {
    @Override
    boolean met(ImageDifference d) {
      return d.worstMean() <= 3 && d.worstSsim() >= 0.95;
    }
  };

  private final String bound;

  Expectation(String bound) {
    this.bound = bound;
  }

  abstract boolean met(ImageDifference difference);

  /** The bound in words, for reports. */
  public String bound() {
    return bound;
  }
}
