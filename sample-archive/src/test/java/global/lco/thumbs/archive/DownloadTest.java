package global.lco.thumbs.archive;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.archive.faults.Fault;
import global.lco.thumbs.archive.files.DownloadSigner;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Downloads through minted URLs (/files/)")
class DownloadTest extends ArchiveTestSupport {

  @Test
  @DisplayName("The minted URL returns exactly the file's bytes, with the md5 as ETag and S3's headers")
  void downloadReturnsTheFile() throws Exception {
    var record = getJson("frames/1001/");
    var response = get(record.getString("url"));
    var expected = Files.readAllBytes(TestData.fits("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body().getBytes()).isEqualTo(expected);
    assertThat(response.getHeader("ETag")).isEqualTo("\"" + Md5.of(expected) + "\"");
    assertThat(response.getHeader("Content-Length")).isEqualTo(String.valueOf(expected.length));
    assertThat(response.getHeader("Content-Type")).isEqualTo("image/fits");
    assertThat(response.getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=tfn0m414-kb29-20160625-0060-e91.fits.fz");
  }

  @Test
  @DisplayName("The URL has the archive's S3 shape: key layout, versionId, X-Amz parameters, 48 h lifetime")
  void urlShape() throws Exception {
    var url = getJson("frames/1001/").getString("url");

    assertThat(url).startsWith(archive.baseUrl()
        + "files/tfn/kb29/20160625/processed/tfn0m414-kb29-20160625-0060-e91.fits.fz?versionId=");
    assertThat(url).contains("&X-Amz-Algorithm=AWS4-HMAC-SHA256&", "&X-Amz-Date=", "&X-Amz-Expires=172800&",
        "&X-Amz-Signature=");
  }

  @Test
  @DisplayName("HEAD gives the headers and length of the file without a body")
  void head() throws Exception {
    var url = getJson("frames/1003/").getString("url");
    var response = await(client.headAbs(url).send());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Length"))
        .isEqualTo(String.valueOf(Files.size(TestData.fits("lco/coj2m002-ep07-20240610-diff-cutout.fits"))));
    assertThat(response.body() == null || response.body().length() == 0).isTrue();
  }

  @Test
  @DisplayName("A tampered signature is a 403 SignatureDoesNotMatch in XML")
  void tamperedSignature() throws Exception {
    var url = getJson("frames/1001/").getString("url");
    var tampered = url.substring(0, url.length() - 1) + (url.endsWith("0") ? "1" : "0");
    var response = get(tampered);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/xml");
    assertThat(response.bodyAsString()).contains("<Code>SignatureDoesNotMatch</Code>");
  }

  @Test
  @DisplayName("A lengthened lifetime breaks the signature")
  void tamperedExpiry() throws Exception {
    var url = getJson("frames/1001/").getString("url").replace("X-Amz-Expires=172800", "X-Amz-Expires=999999");

    assertThat(get(url).bodyAsString()).contains("<Code>SignatureDoesNotMatch</Code>");
  }

  @Test
  @DisplayName("An expired URL is a 403 AccessDenied 'Request has expired'")
  void expiredUrl() throws Exception {
    archive.setUrlTtl(Duration.ZERO);
    var response = get(getJson("frames/1001/").getString("url"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.bodyAsString()).contains("<Code>AccessDenied</Code>", "<Message>Request has expired</Message>");
  }

  @Test
  @DisplayName("The expired fault mints URLs with X-Amz-Expires=0 that are refused")
  void expiredFault() throws Exception {
    archive.faults().add(Fault.expiredUrls().forFrame(1001).once());
    var expired = getJson("frames/1001/").getString("url");
    var fresh = getJson("frames/1001/").getString("url");

    assertThat(expired).contains("X-Amz-Expires=0&");
    assertThat(get(expired).statusCode()).isEqualTo(403);
    assertThat(get(fresh).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("A download sending Authorization is refused with S3's XML 400 and recorded as such")
  void authorizationRefused() throws Exception {
    var url = getJson("frames/1003/").getString("url");
    archive.clearRequests();
    var response = get(url, "Authorization", "Token sample-token-admin");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsString()).contains("<Code>InvalidArgument</Code>").doesNotContain("sample-token");
    assertThat(archive.downloads()).singleElement().satisfies(r -> {
      assertThat(r.authorization()).isTrue();
      assertThat(r.frameId()).isEqualTo(1003L);
      assertThat(r.toJson().encode()).doesNotContain("sample-token-admin");
    });
  }

  @Test
  @DisplayName("An unsigned URL is a 403 AccessDenied, as for a private bucket")
  void unsignedUrl() throws Exception {
    var response = get("files/tfn/kb29/20160625/processed/tfn0m414-kb29-20160625-0060-e91.fits.fz");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.bodyAsString()).contains("<Code>AccessDenied</Code>", "<Message>Access Denied</Message>");
  }

  @Test
  @DisplayName("A correctly signed URL for a missing key is a 404 NoSuchKey")
  void missingKey() throws Exception {
    var key = "xyz/none/20200101/raw/none.fits.fz";
    var response = get("files/" + key + "?" + signer().presignedQuery(key, "v1", Instant.now(), 60));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsString()).contains("<Code>NoSuchKey</Code>", "<Key>" + key + "</Key>");
  }

  @Test
  @DisplayName("A correctly signed URL for an unknown version is a 404 NoSuchVersion")
  void missingVersion() throws Exception {
    var key = "coj/ep07/20240610/processed/coj2m002-ep07-20240610-diff-cutout.fits";
    var response = get("files/" + key + "?" + signer().presignedQuery(key, "no-such-version", Instant.now(), 60));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsString()).contains("<Code>NoSuchVersion</Code>");
  }

  @Test
  @DisplayName("URLs can point at another public base while the files are still served here")
  void publicBaseUrl() throws Exception {
    var other = "http://localhost:" + archive.port() + "/";
    archive.setPublicBaseUrl(other);
    var url = getJson("frames/1003/").getString("url");

    assertThat(url).startsWith(other + "files/");
    assertThat(get(url).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("The not-FITS fixtures download as what they are: a gzip'd tar and an HTML page")
  void notFitsDownloads() throws Exception {
    var tar = get(getJson("frames/1023/").getString("url"));
    var html = get(getJson("frames/1026/").getString("url"));

    assertThat(tar.body().getByte(0)).isEqualTo((byte) 0x1f);
    assertThat(tar.body().getByte(1)).isEqualTo((byte) 0x8b);
    assertThat(html.getHeader("Content-Type")).isEqualTo("image/fits");
    assertThat(html.bodyAsString()).contains("502 Bad Gateway");
  }

  @Test
  @DisplayName("Reprocessing a frame adds a newer version whose URL downloads the same bytes")
  void reprocess() throws Exception {
    var id = getJson("frames/?basename_exact=m13real").getJsonArray("results").getJsonObject(0).getLong("id");
    var before = getJson("frames/" + id + "/").getJsonArray("version_set").getJsonObject(0);
    var added = archive.reprocess(id);
    var after = getJson("frames/" + id + "/");

    assertThat(added.id()).isNotEqualTo(before.getLong("id"));
    assertThat(after.getJsonArray("version_set").getJsonObject(0).getLong("id")).isEqualTo(added.id());
    assertThat(after.getJsonArray("version_set")).hasSize(2);
    assertThat(get(after.getString("url")).statusCode()).isEqualTo(200);
  }

  private static DownloadSigner signer() {
    return new DownloadSigner(SIGNING_SECRET);
  }
}
