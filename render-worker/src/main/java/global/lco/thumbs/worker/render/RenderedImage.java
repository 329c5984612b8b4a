package global.lco.thumbs.worker.render;

/** An encoded thumbnail and its final pixel size. */
public record RenderedImage(byte[] jpeg, int width, int height) {
}
