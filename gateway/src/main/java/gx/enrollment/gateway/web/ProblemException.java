package gx.enrollment.gateway.web;

import gx.enrollment.gateway.submission.FieldError;
import java.util.List;

/**
 * A request we refuse, with the problem to answer. Thrown by handlers and filters, turned into
 * {@code application/problem+json} by {@link ProblemExceptionHandler}.
 */
public class ProblemException extends RuntimeException {

  private final ProblemType problemType;
  private final List<FieldError> errors;

  public ProblemException(ProblemType problemType, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.problemType = problemType;
    this.errors = List.copyOf(errors);
  }

  public static ProblemException invalidSubmission(List<FieldError> errors) {
    return new ProblemException(
        ProblemType.INVALID_SUBMISSION,
        errors.size() + (errors.size() == 1 ? " field is" : " fields are") + " invalid",
        errors);
  }

  public static ProblemException consentRequired() {
    return new ProblemException(
        ProblemType.CONSENT_REQUIRED,
        "An ONLINE submission needs the guardian's real-name verification (realNameVerified: true)"
            + " and a consentId before any source is queried",
        List.of());
  }

  public static ProblemException payloadTooLarge(long limitBytes) {
    return new ProblemException(
        ProblemType.PAYLOAD_TOO_LARGE,
        "The request body is over the limit of " + limitBytes + " bytes",
        List.of());
  }

  public ProblemType problemType() {
    return problemType;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
