package global.lco.thumbs.archive.recording;

import global.lco.thumbs.archive.routes.Route;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Every archive request, oldest first, for test assertions. Bounded, so a long-running demo
 * server does not grow without limit. Safe to read from a test thread while the server writes.
 */
public final class RequestLog {
  public static final int DEFAULT_CAPACITY = 10_000;
  private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();
  private final int capacity;

  public RequestLog() {
    this(DEFAULT_CAPACITY);
  }

  public RequestLog(int capacity) {
    this.capacity = capacity;
  }

  public synchronized void add(RecordedRequest request) {
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(request);
  }

  /** An immutable snapshot. */
  public synchronized List<RecordedRequest> all() {
    return List.copyOf(entries);
  }

  public List<RecordedRequest> of(Route route) {
    return all().stream().filter(r -> r.route() == route).toList();
  }

  public List<RecordedRequest> downloads() {
    return all().stream().filter(RecordedRequest::isDownload).toList();
  }

  public synchronized void clear() {
    entries.clear();
  }
}
