package global.lco.thumbs.archive.files;

import global.lco.thumbs.archive.catalog.Frame;
import global.lco.thumbs.archive.catalog.FrameVersion;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Mints a fresh presigned download URL each time it is asked, as the archive does on every
 * metadata answer. The lifetime and the public base URL can change while the server runs, so a
 * test can point downloads at another host or make them short-lived.
 */
public final class UrlMinter {
  public static final String FILES_PATH = "files/";
  private final DownloadSigner signer;
  private final Clock clock;
  private volatile Duration ttl;
  private volatile String publicBaseUrl;

  /** @param publicBaseUrl base of minted URLs ({@code scheme://host:port/}), or {@code null} for the request's own */
  public UrlMinter(DownloadSigner signer, Clock clock, Duration ttl, String publicBaseUrl) {
    this.signer = signer;
    this.clock = clock;
    setTtl(ttl);
    setPublicBaseUrl(publicBaseUrl);
  }

  /**
   * @param requestBase the base of the metadata request ({@code scheme://host/}), used when no
   *                    public base URL is set
   * @param expired     mint with a lifetime of 0 (the {@code expired} fault)
   */
  public String mint(String requestBase, Frame frame, FrameVersion version, boolean expired) {
    var base = publicBaseUrl != null ? publicBaseUrl : requestBase;
    long seconds = expired ? 0 : ttl.toSeconds();
    return base + FILES_PATH + frame.objectKey() + "?"
        + signer.presignedQuery(frame.objectKey(), version.key(), clock.instant(), seconds);
  }

  public Duration ttl() {
    return ttl;
  }

  public void setTtl(Duration ttl) {
    if (Objects.requireNonNull(ttl, "ttl").isNegative()) {
      throw new IllegalArgumentException("the URL lifetime must not be negative");
    }
    this.ttl = ttl;
  }

  public String publicBaseUrl() {
    return publicBaseUrl;
  }

  /** {@code null} to use the host of each metadata request; otherwise a trailing slash is added if missing. */
  public void setPublicBaseUrl(String url) {
    this.publicBaseUrl = url == null || url.isBlank() ? null : url.endsWith("/") ? url : url + "/";
  }
}
