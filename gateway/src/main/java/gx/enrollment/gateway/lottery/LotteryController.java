package gx.enrollment.gateway.lottery;

import gx.enrollment.gateway.edge.Caller;
import gx.enrollment.gateway.web.PathIds;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/lotteries}: the private-school lottery (民办学校电脑随机录取). The bureau creates one with
 * the applicants, freezes it, announces the seed, draws and publishes; anyone reads it, gets the
 * frozen list to hash, and replays the draw — the stored one, or one from their own inputs.
 */
@RestController
public class LotteryController {

  private static final String BASE = "/api/v1/lotteries";
  private static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

  private final LotteryService lotteries;

  public LotteryController(LotteryService lotteries) {
    this.lotteries = lotteries;
  }

  @PostMapping(
      path = BASE,
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<LotteryView>> create(
      Caller caller, @RequestBody LotteryRequests.Create request) {
    return Mono.defer(() -> lotteries.create(request, caller))
        .map(
            created ->
                ResponseEntity.created(URI.create(BASE + "/" + created.lotteryId())).body(created));
  }

  @GetMapping(path = BASE + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<LotteryView> lottery(@PathVariable String id) {
    return lotteries.view(PathIds.uuid(id, "lottery"));
  }

  /** Only while CREATED: a wrong list or number of places is thrown away and entered again. */
  @DeleteMapping(path = BASE + "/{id}")
  public Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
    return lotteries
        .delete(PathIds.uuid(id, "lottery"))
        .then(Mono.just(ResponseEntity.noContent().<Void>build()));
  }

  /** The canonical frozen list, byte for byte what the list hash is the SHA-256 of. */
  @GetMapping(path = BASE + "/{id}/list", produces = "text/plain")
  public Mono<ResponseEntity<String>> list(@PathVariable String id) {
    return lotteries
        .frozenList(PathIds.uuid(id, "lottery"))
        .map(text -> ResponseEntity.ok().contentType(TEXT_UTF8).body(text));
  }

  @PostMapping(path = BASE + "/{id}/freeze", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<LotteryView> freeze(
      @PathVariable String id,
      @RequestBody(required = false) LotteryRequests.@Nullable Freeze body) {
    return lotteries.freeze(
        PathIds.uuid(id, "lottery"), body == null ? new LotteryRequests.Freeze(null) : body);
  }

  @PostMapping(
      path = BASE + "/{id}/seed",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<LotteryView> seed(@PathVariable String id, @RequestBody LotteryRequests.Seed body) {
    return lotteries.announceSeed(PathIds.uuid(id, "lottery"), body);
  }

  @PostMapping(path = BASE + "/{id}/draw", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<LotteryView> draw(@PathVariable String id) {
    return lotteries.draw(PathIds.uuid(id, "lottery"));
  }

  @PostMapping(path = BASE + "/{id}/publish", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<LotteryView> publish(
      @PathVariable String id,
      @RequestBody(required = false) LotteryRequests.@Nullable Publish body) {
    return lotteries.publish(
        PathIds.uuid(id, "lottery"), body == null ? new LotteryRequests.Publish(null) : body);
  }

  @GetMapping(path = BASE + "/{id}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ReplayView> replay(@PathVariable String id) {
    return lotteries.replay(PathIds.uuid(id, "lottery"));
  }

  @PostMapping(
      path = BASE + "/replay",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ReplayView> replay(@RequestBody LotteryRequests.Replay body) {
    return lotteries.replay(body);
  }
}
