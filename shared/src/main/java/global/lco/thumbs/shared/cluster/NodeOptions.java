package global.lco.thumbs.shared.cluster;

import global.lco.thumbs.shared.metrics.Metrics;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;

/** Vert.x options every runnable of ours starts with. */
public final class NodeOptions {
  private NodeOptions() {
  }

  /**
   * Metrics on, into a Prometheus registry of the instance's own ({@link Metrics}). No class-path
   * file resolving and no file cache: the store's paths are plain files, and the file cache's
   * own JVM shutdown hook deletes its directory while a draining worker still writes
   * thumbnails, failing every file operation from then on.
   */
  public static VertxOptions defaults() {
    return Metrics.enable(new VertxOptions().setFileSystemOptions(new FileSystemOptions()
        .setClassPathResolvingEnabled(false)
        .setFileCachingEnabled(false)));
  }
}
