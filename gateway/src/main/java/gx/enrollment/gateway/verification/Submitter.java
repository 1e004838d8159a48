package gx.enrollment.gateway.verification;

import gx.enrollment.gateway.edge.Caller;
import gx.enrollment.gateway.submission.FieldError;
import gx.enrollment.gateway.submission.Submission;
import gx.enrollment.gateway.submission.SubmissionRequest;
import gx.enrollment.gateway.submission.SubmissionValidator;
import gx.enrollment.gateway.web.ProblemException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/**
 * Submitting a form, wherever it comes from (the verification endpoint, a draft): check the
 * Idempotency-Key, validate everything and name every bad field, refuse an online submission
 * without consent before any source is asked, then store and verify it, answering as stored.
 */
public final class Submitter {

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

  private final SubmissionValidator validator;
  private final SubmissionService submissions;

  public Submitter(SubmissionValidator validator, SubmissionService submissions) {
    this.validator = validator;
    this.submissions = submissions;
  }

  /**
   * Submits {@code request} for {@code caller}: its idempotency keys are its own, and it may file
   * only for the areas it serves and through the channel of its role ({@code 403} otherwise).
   */
  public Mono<ResponseEntity<String>> submit(
      Caller caller, SubmissionRequest request, @Nullable String idempotencyKey) {
    if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      return Mono.error(
          ProblemException.invalidSubmission(
              List.of(
                  new FieldError(
                      "Idempotency-Key",
                      "INVALID_FORMAT",
                      "Idempotency-Key must be 1 to 200 visible ASCII characters"))));
    }
    return validated(caller, request)
        .flatMap(
            submission ->
                submissions.submit(request, submission, caller.clientId(), idempotencyKey))
        .map(Submitter::response);
  }

  /**
   * The valid submission, or the refusal: {@code 400} naming every bad field, {@code 403} for a
   * region the caller does not serve or a channel its role does not use, {@code 403} for an online
   * submission without consent.
   */
  public Mono<Submission> validated(Caller caller, SubmissionRequest request) {
    SubmissionValidator.Outcome outcome = validator.validate(request);
    if (outcome instanceof SubmissionValidator.Outcome.Invalid invalid) {
      return Mono.error(ProblemException.invalidSubmission(invalid.errors()));
    }
    Submission submission = ((SubmissionValidator.Outcome.Valid) outcome).submission();
    try {
      caller.checkMayFile(submission.area().code(), submission.channel().name());
    } catch (ProblemException refused) {
      return Mono.error(refused);
    }
    if (!submission.mayQuerySources()) {
      return Mono.error(ProblemException.consentRequired());
    }
    return Mono.just(submission);
  }

  /** An answer as the client receives it: JSON, or problem JSON for a refusal. */
  static ResponseEntity<String> response(SubmissionService.Answer answer) {
    return ResponseEntity.status(answer.status())
        .contentType(
            answer.status() < 400 ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON)
        .body(answer.body());
  }
}
