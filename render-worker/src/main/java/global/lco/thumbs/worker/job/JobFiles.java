package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.worker.fetch.FitsFetcher;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's FITS files (three for colour, red first) downloaded in parallel, within the download
 * timeout and the job's deadline; the first failure fails them all. Renders and IIIF composite
 * builds fetch through it.
 */
final class JobFiles {
  private final FitsFetcher fetcher;
  private final Duration downloadTimeout;

  JobFiles(FitsFetcher fetcher, Duration downloadTimeout) {
    this.fetcher = fetcher;
    this.downloadTimeout = downloadTimeout;
  }

  /** The files in the job's order, in a list the colour render may clear as it goes (each file let go once decoded). */
  Future<List<byte[]>> fetch(RenderJob job) {
    long timeoutMs = Math.min(downloadTimeout.toMillis(), job.remainingMs());
    var downloads = job.frames().stream().map(frame -> fetcher.fetch(frame.url(), timeoutMs)).toList();
    return Future.all(downloads).map(all -> new ArrayList<>(downloads.stream().map(Future::result).toList()));
  }
}
