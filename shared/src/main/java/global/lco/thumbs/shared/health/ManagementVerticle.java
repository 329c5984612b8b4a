package global.lco.thumbs.shared.health;

import global.lco.thumbs.shared.http.ConnectionGuard;
import global.lco.thumbs.shared.metrics.Metrics;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Supplier;

/**
 * A node's management port: {@code /health} (the process runs), {@code /ready} (the node's own
 * checks) and {@code /metrics} (Prometheus text). Kept off the service port so it can stay private
 * to the operators' network. Plain Vert.x core: nodes without vertx-web can serve it. Its
 * connections are guarded like the gateway's ({@link ConnectionGuard}).
 */
public final class ManagementVerticle extends VerticleBase {
  private final ManagementConfig config;
  private final Supplier<Future<Readiness>> readiness;
  private HttpServer server;

  /** @param readiness the node's own checks, asked on every {@code /ready} */
  public ManagementVerticle(ManagementConfig config, Supplier<Future<Readiness>> readiness) {
    this.config = config;
    this.readiness = readiness;
  }

  @Override
  public Future<?> start() {
    var guard = new ConnectionGuard(config.connections(), ThumbsMetrics.of(vertx));
    server = vertx.createHttpServer(ConnectionGuard.http1Only(
            new HttpServerOptions().setHost(config.host()).setPort(config.port())))
        .connectionHandler(guard)
        .requestHandler(this::handle);
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest request) {
    var response = request.response();
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      response.setStatusCode(405).putHeader(HttpHeaders.ALLOW, "GET, HEAD").end();
      return;
    }
    switch (request.path()) {
      case "/health" -> response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Health.UP);
      case "/ready" -> readiness.get().onComplete(done -> Readiness.answer(response, done));
      case "/metrics" -> response.putHeader(HttpHeaders.CONTENT_TYPE, Metrics.CONTENT_TYPE).end(Metrics.scrape(vertx));
      default -> response.setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end("{\"message\":\"Not found\"}");
    }
  }
}
