package global.lco.thumbs.archive.catalog;

import java.time.Instant;

/**
 * One stored version of a frame's file, as in the archive's {@code version_set}.
 *
 * @param id      version row id; changes when a frame is reprocessed, unlike the frame id
 * @param key     the S3 VersionId the download URL names
 * @param md5     MD5 of the file bytes (the S3 ETag)
 * @param created when the version was ingested
 */
public record FrameVersion(long id, String key, String md5, String extension, Instant created) {
}
