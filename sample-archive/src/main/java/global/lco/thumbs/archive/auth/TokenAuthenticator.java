package global.lco.thumbs.archive.auth;

import global.lco.thumbs.archive.catalog.User;

import java.util.Locale;
import java.util.function.Function;

/**
 * The archive's {@code Authorization} handling: DRF token authentication ({@code Token <key>},
 * scheme case-insensitive) with its exact 401 texts, plus {@code Bearer <key>} looked up in the
 * same table (the real archive asks the portal; a refused bearer token gives "No Such User").
 * Any other scheme, or no header, is anonymous.
 */
public final class TokenAuthenticator {
  static final String NO_CREDENTIALS = "Invalid token header. No credentials provided.";
  static final String SPACES = "Invalid token header. Token string should not contain spaces.";
  static final String INVALID = "Invalid token.";
  static final String NO_SUCH_USER = "No Such User";

  private final Function<String, User> usersByToken;

  /** @param usersByToken the user for a token, or {@code null} when the token is unknown */
  public TokenAuthenticator(Function<String, User> usersByToken) {
    this.usersByToken = usersByToken;
  }

  public Result authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return new Authenticated(User.ANONYMOUS);
    }
    var parts = authorization.trim().split("\\s+");
    var scheme = parts[0].toLowerCase(Locale.ROOT);
    boolean bearer = scheme.equals("bearer");
    if (!scheme.equals("token") && !bearer) {
      return new Authenticated(User.ANONYMOUS);
    }
    if (parts.length == 1) {
      return new Rejected(NO_CREDENTIALS);
    }
    if (parts.length > 2) {
      return new Rejected(SPACES);
    }
    var user = usersByToken.apply(parts[1]);
    if (user == null) {
      return new Rejected(bearer ? NO_SUCH_USER : INVALID);
    }
    return new Authenticated(user);
  }

  /** The outcome of reading the header. */
  public sealed interface Result permits Authenticated, Rejected {
  }

  /** A user, possibly {@link User#ANONYMOUS}. */
  public record Authenticated(User user) implements Result {
  }

  /** A 401 with {@code WWW-Authenticate: Token} and {@code {"detail": detail}}. */
  public record Rejected(String detail) implements Result {
  }
}
