package global.lco.thumbs.archive.catalog;

import global.lco.thumbs.archive.catalog.User;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds the {@link Catalog} from a data folder: the frames and users of
 * {@code archive/catalog.json}, plus every FITS file under {@code fits/} the catalogue does not
 * name, served as a public EXPOSE frame with id {@code auto_first_id + index} in the sorted list of
 * such files, so that "a folder of FITS files" just works. Blocking: call it off the event loop.
 */
public final class CatalogLoader {
  public static final String CATALOG_FILE = "archive/catalog.json";
  public static final String FITS_FOLDER = "fits";
  public static final long DEFAULT_AUTO_FIRST_ID = 10_000;
  private static final Set<String> TOP_KEYS = Set.of("comment", "users", "frames", "auto_first_id");
  private static final Set<String> USER_KEYS = Set.of("token", "username", "proposals", "superuser", "comment");

  private CatalogLoader() {
  }

  /** @throws CatalogException listing every problem, when anything is wrong */
  public static Catalog load(Path dataDir) {
    var problems = new ArrayList<String>();
    if (!Files.isDirectory(dataDir)) {
      throw new CatalogException(List.of("data folder " + dataDir.toAbsolutePath() + " does not exist"));
    }
    var json = readCatalogJson(dataDir, problems);
    checkKeys(json, TOP_KEYS, "catalogue", problems);
    var users = users(json.getValue("users"), problems);
    var frames = new ArrayList<Frame>();
    var named = new HashSet<String>();
    var entries = json.getValue("frames", new JsonArray());
    if (entries instanceof JsonArray list) {
      for (int i = 0; i < list.size(); i++) {
        if (list.getValue(i) instanceof JsonObject entry) {
          var frame = FrameBuilder.fromEntry(entry, dataDir, problems);
          if (frame != null) {
            frames.add(frame);
            named.add(FrameBuilder.relative(dataDir, frame.file()));
          }
        } else {
          problems.add("frames[" + i + "] is not an object");
        }
      }
    } else {
      problems.add("'frames' must be an array");
    }
    long firstAutoId = json.getValue("auto_first_id") instanceof Number n ? n.longValue() : DEFAULT_AUTO_FIRST_ID;
    var unnamed = fitsFiles(dataDir).stream().filter(rel -> !named.contains(rel)).toList();
    for (int i = 0; i < unnamed.size(); i++) {
      frames.add(FrameBuilder.auto(firstAutoId + i, dataDir, unnamed.get(i), problems));
    }
    var ids = new HashSet<Long>();
    frames.stream().filter(f -> !ids.add(f.id())).forEach(f -> problems.add("frame id " + f.id() + " is used twice"));
    if (!problems.isEmpty()) {
      throw new CatalogException(problems);
    }
    return new Catalog(frames, users);
  }

  private static JsonObject readCatalogJson(Path dataDir, List<String> problems) {
    var file = dataDir.resolve(CATALOG_FILE);
    if (!Files.isRegularFile(file)) {
      return new JsonObject();
    }
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException e) {
      problems.add("cannot read " + file + ": " + e.getMessage());
    } catch (DecodeException e) {
      problems.add(file + " is not a JSON object: " + e.getMessage());
    }
    return new JsonObject();
  }

  private static Map<String, User> users(Object value, List<String> problems) {
    var users = new LinkedHashMap<String, User>();
    if (value == null) {
      return users;
    }
    if (!(value instanceof JsonArray list)) {
      problems.add("'users' must be an array");
      return users;
    }
    for (int i = 0; i < list.size(); i++) {
      if (!(list.getValue(i) instanceof JsonObject u) || !(u.getValue("token") instanceof String token)
          || token.isBlank() || token.contains(" ")) {
        problems.add("users[" + i + "] needs a 'token' without spaces");
        continue;
      }
      checkKeys(u, USER_KEYS, "users[" + i + "]", problems);
      var proposals = new HashSet<String>();
      u.getJsonArray("proposals", new JsonArray()).forEach(p -> proposals.add(String.valueOf(p)));
      users.put(token, new User(u.getString("username", token), proposals, u.getBoolean("superuser", false)));
    }
    return users;
  }

  static void checkKeys(JsonObject object, Set<String> allowed, String where, List<String> problems) {
    object.fieldNames().stream().filter(k -> !allowed.contains(k)).sorted()
        .forEach(k -> problems.add(where + ": unknown key '" + k + "'"));
  }

  /** Relative paths ({@code /}-separated, sorted) of the FITS files under {@code fits/}. */
  static List<String> fitsFiles(Path dataDir) {
    var root = dataDir.resolve(FITS_FOLDER);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> isFitsName(p.getFileName().toString()))
          .map(p -> FrameBuilder.relative(dataDir, p))
          .filter(rel -> Stream.of(rel.split("/")).noneMatch(part -> part.startsWith(".")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private static boolean isFitsName(String name) {
    var lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".fits") || lower.endsWith(".fits.fz");
  }
}
