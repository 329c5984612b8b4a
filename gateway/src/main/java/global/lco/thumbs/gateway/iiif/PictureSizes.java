package global.lco.thumbs.gateway.iiif;

import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.RenderParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The dimensions of frames' stretched, oriented pictures, which every IIIF request needs to resolve
 * its region and size. They depend only on the pixels and the orientation (not on the caller: access
 * is checked on every request before this is read), so a gateway keeps the most recent ones.
 */
public final class PictureSizes {
  /**
   * Key of a picture: its frames (id and pixel version, one or three), the orientation and, for a
   * composite, median mode (registration aligns the stretched channels, so it may crop differently).
   */
  public record Key(String frames, String orientation, boolean median) {

    public static Key of(List<FrameSource> frames, RenderParams params) {
      var pixels = frames.stream().map(f -> f.id() + "@" + f.version()).collect(Collectors.joining(","));
      return new Key(pixels, params.orientation().wireName(), frames.size() == 3 && params.median());
    }
  }

  /** Width and height in pixels. */
  public record Dimensions(int width, int height) {
  }

  private final int capacity;
  private final Map<Key, Dimensions> known;

  public PictureSizes(int capacity) {
    this.capacity = capacity;
    this.known = new LinkedHashMap<>(64, 0.75f, true);
  }

  public synchronized Dimensions get(Key key) {
    return known.get(key);
  }

  public synchronized void put(Key key, Dimensions dimensions) {
    known.put(key, dimensions);
    var eldest = known.keySet().iterator();
    while (known.size() > capacity && eldest.hasNext()) {
      eldest.next();
      eldest.remove();
    }
  }
}
