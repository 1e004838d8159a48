package gx.enrollment.gateway.ops;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/ops/console}: what the operator console shows, read afresh on every call (the
 * page polls it every 2 s). Under {@code /api/v1/ops/}, so the operator role guards it once client
 * authentication is in place.
 */
@RestController
public class OpsConsoleController {

  private final OpsConsole console;

  public OpsConsoleController(OpsConsole console) {
    this.console = console;
  }

  @GetMapping(path = "/api/v1/ops/console", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<ConsoleView>> console() {
    return console
        .view()
        .map(view -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view));
  }
}
