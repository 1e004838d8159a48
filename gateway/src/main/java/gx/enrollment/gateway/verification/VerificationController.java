package gx.enrollment.gateway.verification;

import gx.enrollment.gateway.submission.Submission;
import gx.enrollment.gateway.submission.SubmissionRequest;
import gx.enrollment.gateway.submission.SubmissionValidator;
import gx.enrollment.gateway.web.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/verifications}: validate everything first and name every bad field; refuse an
 * online submission without consent before any source is asked; then verify.
 */
@RestController
public class VerificationController {

  private final SubmissionValidator validator;
  private final VerificationService verifications;

  public VerificationController(SubmissionValidator validator, VerificationService verifications) {
    this.validator = validator;
    this.verifications = verifications;
  }

  @PostMapping(
      path = "/api/v1/verifications",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<VerificationReport> verify(@RequestBody SubmissionRequest request) {
    SubmissionValidator.Outcome outcome = validator.validate(request);
    if (outcome instanceof SubmissionValidator.Outcome.Invalid invalid) {
      return Mono.error(ProblemException.invalidSubmission(invalid.errors()));
    }
    Submission submission = ((SubmissionValidator.Outcome.Valid) outcome).submission();
    if (!submission.mayQuerySources()) {
      return Mono.error(ProblemException.consentRequired());
    }
    return verifications.verify(submission);
  }
}
