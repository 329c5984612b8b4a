package global.lco.thumbs.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CacheKeyAcrossJvmsTest {

  @Test
  @DisplayName("two separate JVMs, with different default charsets and locales, compute the same key")
  void sameKeyInTwoJvms() throws Exception {
    var first = keyFromChildJvm("-Dfile.encoding=UTF-8", "-Duser.language=en");
    var second = keyFromChildJvm("-Dfile.encoding=ISO-8859-1", "-Duser.language=tr");
    assertThat(first).matches("[0-9a-f]{64}").isEqualTo(second)
        .isEqualTo(CacheKey.of(PrintCacheKey.FRAMES, PrintCacheKey.PARAMS));
  }

  private static String keyFromChildJvm(String... jvmArgs) throws IOException, InterruptedException {
    var javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = new ArrayList<String>();
    command.add(javaBin);
    command.addAll(List.of(jvmArgs));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), PrintCacheKey.class.getName()));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
