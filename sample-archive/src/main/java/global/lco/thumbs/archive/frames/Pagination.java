package global.lco.thumbs.archive.frames;

import io.vertx.core.MultiMap;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DRF's {@code LimitOffsetPagination} as the archive configures it: default limit 100, at most
 * 1000, a bad or zero limit means 100, a bad offset means 0. The links rebuild the request URL
 * the way DRF does: query parameters re-encoded and sorted by name.
 */
final class Pagination {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  final int limit;
  final long offset;

  private Pagination(int limit, long offset) {
    this.limit = limit;
    this.offset = offset;
  }

  static Pagination from(MultiMap params) {
    var limit = positive(lastRaw(params, "limit"), true);
    var offset = positive(lastRaw(params, "offset"), false);
    int l = limit == null ? DEFAULT_LIMIT : limit.min(BigInteger.valueOf(MAX_LIMIT)).intValue();
    long o = offset == null ? 0 : offset.min(BigInteger.valueOf(Long.MAX_VALUE / 2)).longValue();
    return new Pagination(l, o);
  }

  /** {@code null} for anything Python's {@code int()} would refuse, negatives, or 0 when strict. */
  private static BigInteger positive(String raw, boolean strict) {
    if (raw == null) {
      return null;
    }
    try {
      var n = new BigInteger(raw.trim());
      return n.signum() < 0 || (strict && n.signum() == 0) ? null : n;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String lastRaw(MultiMap params, String name) {
    var all = params.getAll(name);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  /** @param url the request's absolute URL without query; @param query its raw query or null */
  String next(String url, String query, long count) {
    if (offset + limit >= count) {
      return null;
    }
    var params = parse(query);
    params.put("limit", List.of(String.valueOf(limit)));
    params.put("offset", List.of(String.valueOf(offset + limit)));
    return url + "?" + encode(params);
  }

  String previous(String url, String query) {
    if (offset <= 0) {
      return null;
    }
    var params = parse(query);
    params.put("limit", List.of(String.valueOf(limit)));
    if (offset - limit <= 0) {
      params.remove("offset");
    } else {
      params.put("offset", List.of(String.valueOf(offset - limit)));
    }
    return url + "?" + encode(params);
  }

  /** Python's {@code parse_qs(keep_blank_values=True)}, keys sorted as DRF's links sort them. */
  private static TreeMap<String, List<String>> parse(String query) {
    var params = new TreeMap<String, List<String>>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (var pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      var key = decode(eq < 0 ? pair : pair.substring(0, eq));
      var value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String encode(Map<String, List<String>> params) {
    var out = new StringBuilder();
    params.forEach((key, values) -> values.forEach(value -> {
      if (!out.isEmpty()) {
        out.append('&');
      }
      out.append(quotePlus(key)).append('=').append(quotePlus(value));
    }));
    return out.toString();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      return s;
    }
  }

  /** Python's {@code quote_plus}: Java's encoder differs only on {@code *} and {@code ~}. */
  private static String quotePlus(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
  }
}
