package global.lco.thumbs.app;

import global.lco.thumbs.archive.SampleArchive;
import global.lco.thumbs.archive.SampleArchiveOptions;
import global.lco.thumbs.shared.config.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Map;

/**
 * The {@code --demo} mode's archive: the sample archive serving the bundled frames, so the
 * quickstart works offline. The service is pointed at it unless ARCHIVE_API_URL says otherwise.
 */
final class DemoArchive {
  private DemoArchive() {
  }

  /** Starts the sample archive (SAMPLE_ARCHIVE_* settings) and sets ARCHIVE_API_URL in {@code env}. */
  static Future<SampleArchive> start(Vertx vertx, Map<String, String> env) {
    var problems = new ArrayList<String>();
    var options = SampleArchiveOptions.fromEnv(env, problems);
    if (!problems.isEmpty()) {
      return Future.failedFuture(new ConfigException(problems));
    }
    return SampleArchive.start(vertx, options).onSuccess(archive -> {
      env.putIfAbsent("ARCHIVE_API_URL", archive.baseUrl());
      System.out.println("Demo archive (the bundled sample frames: 1001, 1002, 1003, colour request 1030-1032, ...) listening on "
          + archive.baseUrl());
    });
  }
}
