package global.lco.thumbs.archive.catalog;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An archive frame: the fields of the archive's record plus where its file lives here.
 *
 * @param observationDate {@code null} hides the frame from everyone, as in the archive
 * @param publicDate      {@code null} means never public
 * @param versions        newest first; empty for a version-less frame (no download, not listed)
 * @param extension       of the file as stored, e.g. {@code .fits.fz}
 * @param file            the file served for every version
 * @param objectKey       the download path below {@code /files/}, in the archive's S3 key layout
 * @param omittedKeys     record keys left out on purpose, to make invalid records
 * @param area            GeoJSON footprint or {@code null} (the key is then absent)
 * @param header          FITS header cards for {@code /frames/{id}/headers/}
 */
public record Frame(
    long id,
    String basename,
    Instant observationDate,
    LocalDate observationDay,
    String proposalId,
    String instrumentId,
    String targetName,
    int reductionLevel,
    String siteId,
    String telescopeId,
    Double exposureTime,
    String primaryOpticalElement,
    Instant publicDate,
    String configurationType,
    Long observationId,
    Long requestId,
    List<FrameVersion> versions,
    String extension,
    Path file,
    String objectKey,
    Set<String> omittedKeys,
    List<Long> relatedFrames,
    JsonObject area,
    Map<String, Object> header) {

  public Frame {
    versions = List.copyOf(versions);
    omittedKeys = Set.copyOf(omittedKeys);
    relatedFrames = List.copyOf(relatedFrames);
    header = header == null ? Map.of() : header;
    area = area == null ? null : area.copy();
  }

  public boolean versionless() {
    return versions.isEmpty();
  }

  /** The version the top-level {@code url} and {@code filename} describe, or {@code null}. */
  public FrameVersion newest() {
    return versions.isEmpty() ? null : versions.get(0);
  }

  /** {@code basename} plus the newest version's extension, or {@code null} without a version. */
  public String filename() {
    var newest = newest();
    return newest == null ? null : basename + newest.extension();
  }

  public boolean isPublicAt(Instant now) {
    return publicDate != null && publicDate.isBefore(now);
  }

  /** This frame reprocessed: the same id and basename with {@code version} added at the front. */
  public Frame withNewVersion(FrameVersion version) {
    var all = new ArrayList<FrameVersion>(versions.size() + 1);
    all.add(version);
    all.addAll(versions);
    return new Frame(id, basename, observationDate, observationDay, proposalId, instrumentId, targetName,
        reductionLevel, siteId, telescopeId, exposureTime, primaryOpticalElement, publicDate, configurationType,
        observationId, requestId, all, extension, file, objectKey, omittedKeys, relatedFrames, area, header);
  }
}
