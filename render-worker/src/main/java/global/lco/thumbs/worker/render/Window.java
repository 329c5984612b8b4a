package global.lco.thumbs.worker.render;

/** The data range mapped onto 0..255: values at or below {@code zmin} become black, at or above {@code zmax} white. */
public record Window(double zmin, double zmax) {
}
