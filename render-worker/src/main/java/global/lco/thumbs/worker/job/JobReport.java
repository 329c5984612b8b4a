package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderReply;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.vertx.core.AsyncResult;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a finished job leaves behind: one log line (request id, key prefix, size or failure, stage
 * times) and its metrics (per-stage times, outcome and duration). Failures that are not a
 * {@link Problem} are bugs: logged with their stack trace here and answered as INTERNAL, never
 * with their message.
 */
public final class JobReport {
  private static final Logger LOG = LoggerFactory.getLogger(JobReport.class);
  private final ThumbsMetrics metrics;

  public JobReport(ThumbsMetrics metrics) {
    this.metrics = metrics;
  }

  public void finished(RenderJob job, AsyncResult<RenderReply> done, long nanos) {
    var key = job.cacheKey().substring(0, Math.min(12, job.cacheKey().length()));
    long ms = nanos / 1_000_000;
    if (done.succeeded()) {
      var reply = done.result();
      reply.stageMillis().forEach(metrics::renderStage);
      metrics.render("ok", nanos);
      LOG.info("request={} key={} rendered {}x{} in {} ms stages={}", job.requestId(), key, reply.width(),
          reply.height(), ms, reply.stageMillis());
    } else {
      if (!(done.cause() instanceof Problem)) {
        LOG.error("request={} render failed unexpectedly", job.requestId(), done.cause());
      }
      var problem = asProblem(done.cause());
      metrics.render(problem.failure().name().toLowerCase(Locale.ROOT), nanos);
      LOG.info("request={} key={} failed after {} ms: {} {}", job.requestId(), key, ms, problem.failure(),
          problem.getMessage());
    }
  }

  /** The failure to answer with: the job's own {@link Problem}, or INTERNAL for anything else. */
  public static Problem asProblem(Throwable err) {
    return err instanceof Problem p ? p : Failure.INTERNAL.problem();
  }
}
