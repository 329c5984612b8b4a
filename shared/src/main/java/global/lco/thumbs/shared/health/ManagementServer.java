package global.lco.thumbs.shared.health;

import global.lco.thumbs.shared.http.ConnectionGuard;
import global.lco.thumbs.shared.metrics.Metrics;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Supplier;

/**
 * A node's management port: {@code /health} (the process runs), {@code /ready} (the node's own
 * checks) and {@code /metrics} (Prometheus text). Kept off the service port so it can stay
 * private to the operators' network. Plain Vert.x core: nodes without vertx-web can serve it.
 */
public final class ManagementServer {
  private final Vertx vertx;
  private final Supplier<Future<Readiness>> readiness;
  private HttpServer server;

  public ManagementServer(Vertx vertx, Supplier<Future<Readiness>> readiness) {
    this.vertx = vertx;
    this.readiness = readiness;
  }

  public Future<ManagementServer> listen(ManagementConfig config) {
    var guard = new ConnectionGuard(config.connections(), ThumbsMetrics.of(vertx));
    server = vertx.createHttpServer(ConnectionGuard.http1Only(new HttpServerOptions().setHost(config.host()).setPort(config.port())))
        .connectionHandler(guard)
        .requestHandler(this::handle);
    return server.listen().map(bound -> this);
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void handle(HttpServerRequest request) {
    var response = request.response();
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      response.setStatusCode(405).putHeader(HttpHeaders.ALLOW, "GET, HEAD").end();
      return;
    }
    switch (request.path()) {
      case "/health" -> response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Health.UP);
      case "/ready" -> readiness.get()
          .onSuccess(ready -> {
            if (!ready.ready()) {
              response.putHeader(HttpHeaders.RETRY_AFTER, "1");
            }
            response.setStatusCode(ready.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(ready.toJson().encode());
          })
          .onFailure(err -> response.setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
              .end("{\"status\":\"NOT_READY\"}"));
      case "/metrics" -> response.putHeader(HttpHeaders.CONTENT_TYPE, Metrics.CONTENT_TYPE).end(Metrics.scrape(vertx));
      default -> response.setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end("{\"message\":\"Not found\"}");
    }
  }
}
