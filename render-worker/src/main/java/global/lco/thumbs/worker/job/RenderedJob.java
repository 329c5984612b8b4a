package global.lco.thumbs.worker.job;

import java.util.Map;

/** A finished render: the JPEG, its size, and the time each pipeline stage took, in order. */
public record RenderedJob(byte[] jpeg, int width, int height, Map<String, Long> stageMillis) {
}
