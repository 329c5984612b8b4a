package global.lco.thumbs.shared.store;

import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Opens the store that {@link StoreConfig#kind()} names; every runnable goes through here. */
public final class ThumbnailStores {
  private ThumbnailStores() {
  }

  /**
   * The store, remembering the keys it has seen stored ({@link KnownKeysStore}) and metered
   * ({@link MeteredStore}) into {@code vertx}'s registry.
   */
  public static Future<ThumbnailStore> open(Vertx vertx, StoreConfig config) {
    Future<ThumbnailStore> opened = switch (config.kind()) {
      case StoreConfig.KIND_LOCAL -> LocalDirectoryStore.open(vertx, config).map(store -> store);
      case StoreConfig.KIND_S3 -> S3Store.open(vertx, config).map(store -> store);
      default -> Future.failedFuture(new IllegalArgumentException("Unknown THUMBNAIL_STORE '" + config.kind() + "'"));
    };
    return opened.map(store -> new MeteredStore(new KnownKeysStore(store), ThumbsMetrics.of(vertx)));
  }
}
