package global.lco.thumbs.archive.frames;

import global.lco.thumbs.archive.catalog.Frame;
import global.lco.thumbs.archive.catalog.FrameVersion;
import global.lco.thumbs.archive.catalog.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * A frame as the archive (2.7.2, {@code Frame.as_dict}) writes it, keys in the same order: model
 * fields, computed fields, legacy upper-case aliases, then {@code area} (absent without a
 * footprint) and {@code related_frames} (absent with {@code include_related_frames=false}).
 * Detail and list items share this shape.
 */
public final class FrameRecords {
  private FrameRecords() {
  }

  /**
   * @param urls           a freshly minted download URL for a version
   * @param relatedFrames  {@code false} when the request said {@code include_related_frames=false}
   * @param thumbnails     {@code true} when the request said {@code include_thumbnails=true}
   */
  public static JsonObject toJson(Frame f, Function<FrameVersion, String> urls, boolean relatedFrames,
      boolean thumbnails) {
    var observed = Timestamps.format(f.observationDate());
    var day = f.observationDay() == null ? null : f.observationDay().toString();
    var published = Timestamps.format(f.publicDate());
    var json = new JsonObject()
        .put("id", f.id())
        .put("basename", f.basename())
        .put("observation_date", observed)
        .put("observation_day", day)
        .put("proposal_id", f.proposalId())
        .put("instrument_id", f.instrumentId())
        .put("target_name", f.targetName())
        .put("reduction_level", f.reductionLevel())
        .put("site_id", f.siteId())
        .put("telescope_id", f.telescopeId())
        .put("exposure_time", f.exposureTime())
        .put("primary_optical_element", f.primaryOpticalElement())
        .put("public_date", published)
        .put("configuration_type", f.configurationType())
        .put("observation_id", f.observationId())
        .put("request_id", f.requestId())
        .put("version_set", versionSet(f, urls));
    if (thumbnails) {
      json.put("thumbnails", new JsonArray());
    }
    json.put("url", f.newest() == null ? null : urls.apply(f.newest()))
        .put("filename", f.filename())
        .put("DATE_OBS", observed)
        .put("DAY_OBS", day)
        .put("PROPID", f.proposalId())
        .put("INSTRUME", f.instrumentId())
        .put("OBJECT", f.targetName())
        .put("RLEVEL", f.reductionLevel())
        .put("SITEID", f.siteId())
        .put("TELID", f.telescopeId())
        .put("EXPTIME", f.exposureTime())
        .put("FILTER", f.primaryOpticalElement())
        .put("L1PUBDAT", published)
        .put("OBSTYPE", f.configurationType())
        .put("BLKUID", f.observationId())
        .put("REQNUM", f.requestId());
    if (f.area() != null) {
      json.put("area", f.area().copy());
    }
    if (relatedFrames) {
      json.put("related_frames", new JsonArray(f.relatedFrames().stream().map(Object.class::cast).toList()));
    }
    f.omittedKeys().forEach(json::remove);
    return json;
  }

  private static JsonArray versionSet(Frame f, Function<FrameVersion, String> urls) {
    var versions = new JsonArray();
    for (var v : f.versions()) {
      versions.add(new JsonObject()
          .put("id", v.id())
          .put("key", v.key())
          .put("md5", v.md5())
          .put("extension", v.extension())
          .put("url", urls.apply(v))
          .put("created", Timestamps.format(v.created())));
    }
    return versions;
  }
}
