package gx.enrollment.gateway.audit;

import gx.enrollment.gateway.web.PathIds;
import gx.enrollment.gateway.web.ProblemException;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The audit trail over HTTP:
 *
 * <ul>
 *   <li>{@code GET /api/v1/applications/{id}/access-log} — for the portal: every source query and
 *       status change about one application (a guardian's "who looked at my child's data");
 *   <li>{@code GET /api/v1/ops/audit/verification} — for operators: walks the hash chain and names
 *       the first record that does not fit ({@code 200} either way; {@code valid} says which).
 * </ul>
 *
 * Who may call which is the edge's to enforce (client roles: portal for the first, operator for the
 * second).
 */
@RestController
public class AuditController {

  private final AccessLogStore accessLogs;
  private final AuditChainVerifier verifier;

  public AuditController(AccessLogStore accessLogs, AuditChainVerifier verifier) {
    this.accessLogs = accessLogs;
    this.verifier = verifier;
  }

  @GetMapping(
      path = "/api/v1/applications/{id}/access-log",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<AccessLog> accessLog(@PathVariable String id) {
    UUID applicationId = PathIds.uuid(id, "application");
    return accessLogs
        .of(applicationId)
        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("application " + applicationId)));
  }

  @GetMapping(path = "/api/v1/ops/audit/verification", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<AuditChainCheck> verification() {
    return verifier.verify();
  }
}
