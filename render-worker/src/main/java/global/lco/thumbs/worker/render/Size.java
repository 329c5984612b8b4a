package global.lco.thumbs.worker.render;

/** Pixel dimensions of an image. */
public record Size(int width, int height) {
}
