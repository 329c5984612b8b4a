package global.lco.thumbs.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Authorization and visibility")
class VisibilityTest extends ArchiveTestSupport {
  private static final String NOT_FOUND = "{\"detail\":\"No Frame matches the given query.\"}";

  @Test
  @DisplayName("A proprietary frame is a 404 for an anonymous caller, with the same body as a missing one")
  void proprietaryHiddenFromAnonymous() throws Exception {
    var response = get("frames/1010/");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsString()).isEqualTo(NOT_FOUND);
  }

  @Test
  @DisplayName("A proprietary frame is visible with a token whose user holds its proposal")
  void proprietaryVisibleToProposalMember() throws Exception {
    var record = getJson("frames/1010/", "Authorization", "Token sample-token-proposal");

    assertThat(record.getString("proposal_id")).isEqualTo("LCO2026B-999");
    assertThat(record.getString("public_date")).isEqualTo("3020-01-01T00:00:00Z");
  }

  @Test
  @DisplayName("A superuser token sees proprietary frames")
  void proprietaryVisibleToAdmin() throws Exception {
    assertThat(get("frames/1010/", "Authorization", "Token sample-token-admin").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("A valid token without the proposal gets the 404, never a 403")
  void proprietaryHiddenFromOtherUser() throws Exception {
    var response = get("frames/1010/", "Authorization", "Token sample-token-other");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsString()).isEqualTo(NOT_FOUND);
  }

  @Test
  @DisplayName("An unknown token is a 401 'Invalid token.' with WWW-Authenticate: Token, even for a public frame")
  void unknownToken() throws Exception {
    var response = get("frames/1001/", "Authorization", "Token not-a-real-token");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Token");
    assertThat(response.bodyAsString()).isEqualTo("{\"detail\":\"Invalid token.\"}");
  }

  @Test
  @DisplayName("'Token' without a key is a 401 with DRF's 'No credentials provided.' text")
  void tokenWithoutKey() throws Exception {
    var response = get("frames/1001/", "Authorization", "Token");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("detail"))
        .isEqualTo("Invalid token header. No credentials provided.");
  }

  @Test
  @DisplayName("The scheme word is case-insensitive and Bearer works as an alias")
  void schemeSpellings() throws Exception {
    assertThat(get("frames/1010/", "Authorization", "tOkEn sample-token-proposal").statusCode()).isEqualTo(200);
    assertThat(get("frames/1010/", "Authorization", "Bearer sample-token-proposal").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("An unknown scheme is treated as anonymous")
  void otherSchemeIsAnonymous() throws Exception {
    assertThat(get("frames/1001/", "Authorization", "Basic dXNlcjpwYXNz").statusCode()).isEqualTo(200);
    assertThat(get("frames/1010/", "Authorization", "Basic dXNlcjpwYXNz").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("Lists leave out proprietary frames for anonymous callers and include them for members")
  void listVisibility() throws Exception {
    var anonymous = getJson("frames/?request_id=50010");
    var member = getJson("frames/?request_id=50010", "Authorization", "Token sample-token-proposal");

    assertThat(anonymous.getLong("count")).isZero();
    assertThat(member.getLong("count")).isEqualTo(1);
  }
}
