package global.lco.thumbs.shared.contract;

import io.vertx.core.json.JsonObject;

/**
 * One archive frame as a render job needs it. Carries no credentials: {@code url} is the
 * archive's presigned download URL, fetched without any Authorization header.
 *
 * @param id       archive frame id
 * @param version  what identifies the pixels (version_set[0] id/md5, or the filename)
 * @param filename archive file name, for logs and error messages
 * @param url      presigned download URL; secret-ish, never logged or echoed
 */
public record FrameSource(long id, String version, String filename, String url) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("version", version).put("filename", filename).put("url", url);
  }

  public static FrameSource fromJson(JsonObject json) {
    return new FrameSource(json.getLong("id"), json.getString("version"), json.getString("filename"),
        json.getString("url"));
  }

  @Override
  public String toString() {
    return "FrameSource[id=" + id + ", version=" + version + ", filename=" + filename + "]";
  }
}
