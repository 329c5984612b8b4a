package global.lco.thumbs.worker.pixels;

/**
 * Where the decoder gets the float array of a whole frame, and where a render hands it back once
 * the frame is stretched. A worker keeps a few for the next renders of the same size instead of
 * making the garbage collector find 68 MB for every 4k frame; the command line and tests simply
 * allocate ({@link #ALLOCATE}).
 */
public interface FrameArrays {

  /** New arrays every time, nothing kept. */
  FrameArrays ALLOCATE = new FrameArrays() {
    @Override
    public float[] floats(int length) {
      return new float[length];
    }

    @Override
    public void recycle(float[] frame) {
    }
  };

  /** An array of exactly {@code length} floats; its contents are undefined (the decoder writes every pixel). */
  float[] floats(int length);

  /** Gives back an array nothing refers to any more; it may be handed out again by {@link #floats}. */
  void recycle(float[] frame);
}
