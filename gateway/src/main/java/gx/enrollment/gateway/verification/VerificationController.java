package gx.enrollment.gateway.verification;

import gx.enrollment.gateway.edge.Caller;
import gx.enrollment.gateway.submission.SubmissionRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/verifications}: validate everything first and name every bad field; refuse an
 * online submission without consent before any source is asked; then store, verify and answer.
 */
@RestController
public class VerificationController {

  private final Submitter submitter;

  public VerificationController(Submitter submitter) {
    this.submitter = submitter;
  }

  @PostMapping(
      path = "/api/v1/verifications",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<String>> verify(
      Caller caller,
      @RequestBody SubmissionRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
    return submitter.submit(caller, request, idempotencyKey);
  }
}
