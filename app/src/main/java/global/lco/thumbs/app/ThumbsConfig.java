package global.lco.thumbs.app;

import global.lco.thumbs.gateway.GatewayConfig;
import global.lco.thumbs.shared.config.ConfigException;
import global.lco.thumbs.shared.config.Env;
import global.lco.thumbs.shared.store.StoreConfig;
import global.lco.thumbs.worker.RenderWorkerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

/**
 * The single-machine service's whole configuration: gateway, worker and store, read from the
 * environment in one pass so every problem is reported at once.
 *
 * @param tmpDir TMP_DIR, kept from the old service; the pipeline is in memory and leaves nothing there
 */
public record ThumbsConfig(GatewayConfig gateway, RenderWorkerConfig worker, StoreConfig store, Path tmpDir) {

  public static ThumbsConfig fromEnv(Map<String, String> vars) {
    var problems = new ArrayList<String>();
    var env = new Env(vars, problems);
    var gateway = GatewayConfig.fromEnv(env);
    var config = new ThumbsConfig(gateway, RenderWorkerConfig.fromEnv(env),
        StoreConfig.fromEnv(env, gateway.httpPort()), env.path("TMP_DIR", Path.of(System.getProperty("java.io.tmpdir"))));
    ConfigException.throwIfAny(problems);
    return config;
  }
}
