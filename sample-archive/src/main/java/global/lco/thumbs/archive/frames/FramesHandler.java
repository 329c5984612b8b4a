package global.lco.thumbs.archive.frames;

import global.lco.thumbs.archive.auth.TokenAuthenticator;
import global.lco.thumbs.archive.catalog.User;
import global.lco.thumbs.archive.catalog.Catalog;
import global.lco.thumbs.archive.catalog.Frame;
import global.lco.thumbs.archive.faults.Faults;
import global.lco.thumbs.archive.files.UrlMinter;
import global.lco.thumbs.archive.http.Replies;
import global.lco.thumbs.archive.http.RequestBase;
import global.lco.thumbs.archive.http.RequestRecorder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The metadata API: frame detail, frame list, headers and related frames. Every answer goes
 * through DRF's steps in order: content negotiation (406), authentication (401), then the view,
 * where a frame the caller may not see is a 404 like a missing one.
 */
public final class FramesHandler {
  private final Catalog catalog;
  private final Faults faults;
  private final UrlMinter minter;
  private final TokenAuthenticator authenticator;
  private final Clock clock;

  public FramesHandler(Catalog catalog, Faults faults, UrlMinter minter, TokenAuthenticator authenticator,
      Clock clock) {
    this.catalog = catalog;
    this.faults = faults;
    this.minter = minter;
    this.authenticator = authenticator;
    this.clock = clock;
  }

  /** What every view needs once DRF's checks have passed. */
  private record Call(Negotiation.Renderer renderer, User user, String base, boolean related, boolean thumbnails) {
  }

  /** {@code GET /frames/{id}/}. */
  public void detail(RoutingContext ctx) {
    var call = begin(ctx);
    var frame = call == null ? null : visibleFrame(ctx, call);
    if (frame != null) {
      var expired = faults.takeExpired(List.of(frame.id()));
      Replies.send(ctx, DrfResponses.render(call.renderer(), 200, record(call, frame, expired)));
    }
  }

  /** {@code GET /frames/}: filtered, ordered, paged; version-less frames are never listed. */
  public void list(RoutingContext ctx) {
    var call = begin(ctx);
    if (call == null) {
      return;
    }
    var params = ctx.queryParams();
    var filters = FrameFilters.parse(params, call.user());
    if (!filters.errors().isEmpty()) {
      Replies.send(ctx, DrfResponses.render(call.renderer(), 400, filters.errors()));
      return;
    }
    var now = clock.instant();
    var matching = catalog.frames().stream()
        .filter(f -> !f.versionless() && call.user().canSee(f, now))
        .filter(filters.predicate())
        .sorted(FrameOrdering.parse(FrameFilters.last(params, "ordering")))
        .toList();
    var page = Pagination.from(params);
    var results = page.offset >= matching.size() ? List.<Frame>of()
        : matching.subList((int) page.offset, (int) Math.min(matching.size(), page.offset + page.limit));
    var expired = faults.takeExpired(results.stream().map(Frame::id).toList());
    var records = new JsonArray();
    results.forEach(f -> records.add(record(call, f, expired)));
    var url = call.base() + ctx.request().path().substring(1);
    var query = ctx.request().query();
    var countOverride = faults.takeCount();
    var body = new JsonObject()
        .put("count", countOverride.orElse(matching.size()))
        .put("next", page.next(url, query, matching.size()))
        .put("previous", page.previous(url, query))
        .put("results", records)
        .put("count_estimated", countOverride.isPresent());
    Replies.send(ctx, DrfResponses.render(call.renderer(), 200, body));
  }

  /** {@code GET /frames/{id}/headers/}: the FITS header as a JSON object. */
  public void headers(RoutingContext ctx) {
    var call = begin(ctx);
    var frame = call == null ? null : visibleFrame(ctx, call);
    if (frame != null) {
      var data = new JsonObject();
      frame.header().forEach(data::put);
      Replies.send(ctx, DrfResponses.render(call.renderer(), 200, new JsonObject().put("data", data)));
    }
  }

  /** {@code GET /frames/{id}/related/}: the related frames the caller may see, as a plain array. */
  public void related(RoutingContext ctx) {
    var call = begin(ctx);
    var frame = call == null ? null : visibleFrame(ctx, call);
    if (frame != null) {
      var now = clock.instant();
      var related = frame.relatedFrames().stream().map(catalog::byId)
          .filter(f -> f != null && call.user().canSee(f, now)).toList();
      var expired = faults.takeExpired(related.stream().map(Frame::id).toList());
      var records = new JsonArray();
      related.forEach(f -> records.add(record(call, f, expired)));
      Replies.send(ctx, DrfResponses.render(call.renderer(), 200, records));
    }
  }

  /** Negotiation then authentication; {@code null} when an answer has already been sent. */
  private Call begin(RoutingContext ctx) {
    var request = ctx.request();
    var renderer = Negotiation.choose(request.getHeader("Accept"), request.getParam("format"));
    if (renderer == Negotiation.Renderer.NOT_ACCEPTABLE) {
      Replies.send(ctx, DrfResponses.notAcceptable());
      return null;
    }
    var result = authenticator.authenticate(request.getHeader("Authorization"));
    if (result instanceof TokenAuthenticator.Rejected rejected) {
      Replies.send(ctx, DrfResponses.detail(renderer, 401, rejected.detail()).withHeader("WWW-Authenticate", "Token"));
      return null;
    }
    var user = ((TokenAuthenticator.Authenticated) result).user();
    boolean related = !"false".equalsIgnoreCase(request.getParam("include_related_frames"));
    boolean thumbnails = "true".equalsIgnoreCase(request.getParam("include_thumbnails"));
    return new Call(renderer, user, RequestBase.of(request), related, thumbnails);
  }

  /** The frame named by the path if the caller may see it; otherwise sends the 404 and returns null. */
  private Frame visibleFrame(RoutingContext ctx, Call call) {
    Long id = ctx.get(RequestRecorder.FRAME_ID);
    if (id == null) {
      // DRF's lookup fails on a non-numeric id before the query, with its generic text.
      Replies.send(ctx, DrfResponses.detail(call.renderer(), 404, DrfResponses.NOT_FOUND));
      return null;
    }
    var frame = catalog.byId(id);
    if (frame == null || !call.user().canSee(frame, clock.instant())) {
      Replies.send(ctx, DrfResponses.detail(call.renderer(), 404, DrfResponses.NO_FRAME));
      return null;
    }
    return frame;
  }

  private JsonObject record(Call call, Frame frame, Set<Long> expired) {
    boolean expire = expired.contains(frame.id());
    return FrameRecords.toJson(frame, v -> minter.mint(call.base(), frame, v, expire), call.related(),
        call.thumbnails());
  }
}
