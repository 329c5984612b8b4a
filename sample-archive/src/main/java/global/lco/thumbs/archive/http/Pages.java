package global.lco.thumbs.archive.http;

/** The HTML bodies the real stack sends when it is not DRF answering: Django itself, or nginx in front. */
public final class Pages {
  /** Django's plain 500 page with {@code DEBUG=False}. */
  public static final String DJANGO_500 = """
      <!doctype html>
      <html lang="en">
      <head>
        <title>Server Error (500)</title>
      </head>
      <body>
        <h1>Server Error (500)</h1><p></p>
      </body>
      </html>
      """;

  /** Django's plain 404 page for a URL no route matches. */
  public static final String DJANGO_404 = """
      <!doctype html>
      <html lang="en">
      <head>
        <title>Not Found</title>
      </head>
      <body>
        <h1>Not Found</h1><p>The requested resource was not found on this server.</p>
      </body>
      </html>
      """;

  private Pages() {
  }

  /** nginx's error page, as a proxy in front of the archive or the object store sends it. */
  public static String nginx(int status, String reason) {
    var title = status + " " + reason;
    return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
        + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
  }
}
