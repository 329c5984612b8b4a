package global.lco.thumbs.archive.files;

import global.lco.thumbs.archive.http.Reply;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.regex.Pattern;

/**
 * A single {@code Range: bytes=a-b} (or {@code bytes=a-}) as S3 answers it: 206 with the slice and
 * {@code Content-Range}, 416 when it starts past the end. Any other form (several ranges, a suffix)
 * is ignored and the whole object goes back with 200, which RFC 9110 allows.
 */
final class ByteRange {
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{1,18})-(\\d{0,18})");

  private ByteRange() {
  }

  static Reply apply(String range, Reply whole) {
    var m = range == null ? null : SINGLE.matcher(range.trim());
    if (m == null || !m.matches()) {
      return whole;
    }
    long length = whole.body().length();
    long first = Long.parseLong(m.group(1));
    long last = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
    if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
      return whole;
    }
    var headers = new LinkedHashMap<>(whole.headers());
    if (first >= length) {
      headers.put("Content-Range", "bytes */" + length);
      return new Reply(416, headers, Buffer.buffer());
    }
    headers.put("Content-Range", "bytes " + first + "-" + last + "/" + length);
    return new Reply(206, headers, whole.body().getBuffer((int) first, (int) last + 1));
  }
}
