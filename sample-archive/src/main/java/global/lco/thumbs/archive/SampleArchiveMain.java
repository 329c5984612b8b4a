package global.lco.thumbs.archive;

import global.lco.thumbs.archive.catalog.CatalogException;
import global.lco.thumbs.archive.catalog.Frame;
import io.vertx.core.Vertx;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the sample archive on its own: {@code java -jar thumbs-sample-archive.jar}. Configured by
 * environment variables (see {@link SampleArchiveOptions#fromEnv}); every problem is reported
 * before it exits with status 2.
 */
public final class SampleArchiveMain {
  private static final String USAGE = """
      usage: java -jar thumbs-sample-archive.jar
        Serves the FITS files of a folder with the LCO Science Archive API's JSON shape.
        SAMPLE_ARCHIVE_PORT        listen port (default 9500; 0 = any free port)
        SAMPLE_ARCHIVE_HOST        listen address (default 127.0.0.1)
        SAMPLE_ARCHIVE_DIR         folder with fits/ and archive/catalog.json (default ./testdata)
        SAMPLE_ARCHIVE_PUBLIC_URL  base of minted download URLs, e.g. http://files.local:9500/
                                   (default: the host each metadata request was sent to)
        SAMPLE_ARCHIVE_URL_TTL     lifetime of download URLs in seconds (default 172800)
        HTTP_IDLE_TIMEOUT_MS       a connection idle this long is closed (default 60000)""";

  private SampleArchiveMain() {
  }

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "sample-archive-logback.xml");
    }
    if (args.length > 0) {
      System.err.println(USAGE);
      System.exit(List.of(args).contains("--help") ? 0 : 2);
    }
    var problems = new ArrayList<String>();
    var options = SampleArchiveOptions.fromEnv(System.getenv(), problems);
    if (!problems.isEmpty()) {
      System.err.println("sample archive: cannot start:\n  " + String.join("\n  ", problems));
      System.exit(2);
    }
    var vertx = Vertx.vertx();
    SampleArchive.start(vertx, options)
        .onSuccess(archive -> {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
          System.out.println(banner(archive, options));
        })
        .onFailure(err -> {
          System.err.println("sample archive: cannot start: " + (err instanceof CatalogException ? err.getMessage() : err));
          vertx.close();
          System.exit(1);
        });
  }

  private static String banner(SampleArchive archive, SampleArchiveOptions options) {
    var base = archive.baseUrl();
    var frames = archive.catalog().frames();
    var out = new StringBuilder("Sample archive listening on ").append(base).append('\n')
        .append("  serving ").append(frames.size()).append(" frames from ")
        .append(options.dataDir().toAbsolutePath().normalize()).append('\n');
    var now = Instant.now();
    frames.stream().filter(f -> !f.versionless() && f.isPublicAt(now)).min(Comparator.comparingLong(Frame::id))
        .ifPresent(f -> {
          out.append("  try:  curl -s ").append(base).append("frames/").append(f.id()).append("/\n");
          out.append("        curl -s '").append(base).append("frames/?basename_exact=")
              .append(URLEncoder.encode(f.basename(), StandardCharsets.UTF_8)).append("'\n");
        });
    frames.stream().filter(f -> f.requestId() != null && f.reductionLevel() == 91)
        .max(Comparator.comparingLong(Frame::id))
        .ifPresent(f -> out.append("        curl -s '").append(base).append("frames/?request_id=")
            .append(f.requestId()).append("&reduction_level=91'\n"));
    if (!archive.catalog().users().isEmpty()) {
      out.append("  tokens (Authorization: Token <key>): ")
          .append(String.join(", ", archive.catalog().users().keySet().stream().sorted().toList())).append('\n');
    }
    out.append("  download URLs live ").append(options.urlTtl().toSeconds()).append(" s, served under ")
        .append(options.publicBaseUrl() != null ? options.publicBaseUrl() : "the host each request used")
        .append("; control: ").append(base).append("_control/faults, _control/requests, _control/reset");
    return out.toString();
  }
}
