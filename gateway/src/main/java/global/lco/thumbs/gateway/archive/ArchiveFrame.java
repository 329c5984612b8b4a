package global.lco.thumbs.gateway.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Read access to an archive frame record (docs/api.md, what we ask the archive), tolerant of missing and null keys. */
public record ArchiveFrame(JsonObject json) {

  public boolean has(String key) {
    return json.containsKey(key);
  }

  public long id() {
    var id = json.getValue("id");
    return id instanceof Number n ? n.longValue() : -1;
  }

  public String filename() {
    return string("filename");
  }

  public String url() {
    return string("url");
  }

  public String configurationType() {
    return string("configuration_type");
  }

  /** The target name (target_name, else the legacy OBJECT alias), or {@code ""} when neither is given. */
  public String targetName() {
    var target = string("target_name");
    if (target == null || target.isBlank()) {
      target = string("OBJECT");
    }
    return target == null ? "" : target.trim();
  }

  /** Whether the archive calls the frame a spectrum: its picture's axes are not the sky's. */
  public boolean spectrum() {
    var type = configurationType();
    return type != null && type.trim().equalsIgnoreCase("SPECTRUM");
  }

  /** The request id, or null when absent, null, or not a positive number. */
  public Long requestId() {
    var v = json.getValue("request_id");
    return v instanceof Number n && n.longValue() > 0 ? n.longValue() : null;
  }

  /** The proposal id as the archive sent it (the JSON answer's {@code propid}); may be null. */
  public Object proposalId() {
    return json.getValue("proposal_id");
  }

  /**
   * What identifies the pixels: the newest version's id and md5 (a reprocessed frame keeps its
   * id but gains a version), else the filename.
   */
  public String pixelVersion() {
    var versions = json.getValue("version_set");
    if (versions instanceof JsonArray arr && !arr.isEmpty() && arr.getValue(0) instanceof JsonObject v0) {
      return "v" + v0.getValue("id") + "/" + v0.getValue("md5");
    }
    return "f" + filename();
  }

  private String string(String key) {
    var v = json.getValue(key);
    return v instanceof String s ? s : null;
  }
}
