package global.lco.thumbs.archive.frames;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DRF's renderer choice between JSON and the HTML browsable API. DRF ranks {@code Accept}
 * entries by specificity, not by q-value, and within a rank prefers JSON, so
 * {@code text/html, image/gif, image/jpeg, *; q=.2, *}{@code /*; q=.2} (Java's default) gets HTML
 * while {@code application/json} or no header gets JSON.
 */
public final class Negotiation {
  /** The renderer chosen, or {@link #NOT_ACCEPTABLE} (406). */
  public enum Renderer { JSON, HTML, NOT_ACCEPTABLE }

  private static final String[][] RENDERERS = {{"application", "json"}, {"text", "html"}};

  private Negotiation() {
  }

  /** @param format the {@code format} query parameter, which overrides the header */
  public static Renderer choose(String accept, String format) {
    if ("json".equals(format)) {
      return Renderer.JSON;
    }
    if ("api".equals(format)) {
      return Renderer.HTML;
    }
    if (accept == null || accept.isBlank()) {
      return Renderer.JSON;
    }
    var types = parse(accept);
    for (int precedence = 3; precedence >= 0; precedence--) {
      for (int r = 0; r < RENDERERS.length; r++) {
        for (var type : types) {
          if (type.precedence == precedence && type.matches(RENDERERS[r][0], RENDERERS[r][1])) {
            return r == 0 ? Renderer.JSON : Renderer.HTML;
          }
        }
      }
    }
    return Renderer.NOT_ACCEPTABLE;
  }

  private record MediaType(String main, String sub, int precedence) {
    boolean matches(String rendererMain, String rendererSub) {
      return (main.equals("*") || main.equals(rendererMain)) && (sub.equals("*") || sub.equals(rendererSub));
    }
  }

  private static List<MediaType> parse(String accept) {
    var types = new ArrayList<MediaType>();
    for (var item : accept.split(",")) {
      var parts = item.trim().split(";");
      var name = parts[0].trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      int slash = name.indexOf('/');
      var main = slash < 0 ? name : name.substring(0, slash);
      var sub = slash < 0 ? "" : name.substring(slash + 1);
      boolean params = false;
      for (int i = 1; i < parts.length; i++) {
        var key = parts[i].split("=")[0].trim();
        params |= !key.isEmpty() && !key.equals("q");
      }
      // A bare "*" (as in Java's default header) is neither a type nor a wildcard DRF matches.
      int precedence = main.equals("*") && sub.equals("*") ? 0 : sub.equals("*") ? 1 : params ? 3 : 2;
      types.add(new MediaType(main, sub, precedence));
    }
    return types;
  }
}
