package global.lco.thumbs.archive.catalog;

import java.util.List;

/** The catalogue cannot be served; every problem found is listed. */
public final class CatalogException extends RuntimeException {
  private final List<String> problems;

  public CatalogException(List<String> problems) {
    super("catalogue problems:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
