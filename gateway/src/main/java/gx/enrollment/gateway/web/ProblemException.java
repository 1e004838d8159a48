package gx.enrollment.gateway.web;

import gx.enrollment.gateway.submission.FieldError;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/**
 * A request we refuse, with the problem to answer. Thrown by handlers and filters, turned into
 * {@code application/problem+json} by {@link ProblemExceptionHandler}.
 */
public class ProblemException extends RuntimeException {

  private final ProblemType problemType;
  private final List<FieldError> errors;
  private final Map<String, Object> properties;

  public ProblemException(ProblemType problemType, String detail, List<FieldError> errors) {
    this(problemType, detail, errors, Map.of());
  }

  public ProblemException(
      ProblemType problemType,
      String detail,
      List<FieldError> errors,
      Map<String, Object> properties) {
    super(detail, null, false, false);
    this.problemType = problemType;
    this.errors = List.copyOf(errors);
    this.properties = Map.copyOf(properties);
  }

  /**
   * One child, one active application per school year, online or offline: names the one that exists
   * (its reference and channel), when it could still be found.
   */
  public static ProblemException duplicateApplication(
      @Nullable String existingReference, @Nullable String existingChannel) {
    if (existingReference == null || existingChannel == null) {
      return new ProblemException(
          ProblemType.DUPLICATE_APPLICATION,
          "The child already has an active application for this school year",
          List.of());
    }
    return new ProblemException(
        ProblemType.DUPLICATE_APPLICATION,
        "The child already has an active application for this school year: "
            + existingReference
            + " ("
            + existingChannel
            + ")",
        List.of(),
        Map.of("existingReference", existingReference, "existingChannel", existingChannel));
  }

  /** A change the application's current status does not allow; names the status. */
  public static ProblemException statusConflict(
      String currentStatus, String currentLabel, String reason) {
    return new ProblemException(
        ProblemType.STATUS_CONFLICT,
        reason,
        List.of(),
        Map.of("currentStatus", currentStatus, "currentStatusLabel", currentLabel));
  }

  /** A lottery step its state does not allow (out of order, or a change once done); names it. */
  public static ProblemException lotteryConflict(
      UUID lotteryId, String currentState, String reason) {
    return new ProblemException(
        ProblemType.LOTTERY_STATE_CONFLICT,
        "lottery " + lotteryId + " is " + currentState + ": " + reason,
        List.of(),
        Map.of("lotteryId", lotteryId.toString(), "currentState", currentState));
  }

  /** Credentials missing, unknown, expired or forged; says which without echoing them. */
  public static ProblemException unauthenticated(String detail) {
    return new ProblemException(ProblemType.UNAUTHENTICATED, detail, List.of());
  }

  /** A known client calling an operation or for a region it may not use. */
  public static ProblemException forbidden(String detail) {
    return new ProblemException(ProblemType.FORBIDDEN, detail, List.of());
  }

  /** A client over its budget; {@code Retry-After} says when it may call again. */
  public static ProblemException tooManyRequests(String clientId, long retryAfterSeconds) {
    return new ProblemException(
        ProblemType.TOO_MANY_REQUESTS,
        "client "
            + clientId
            + " is over its rate limit; retry in "
            + retryAfterSeconds
            + (retryAfterSeconds == 1 ? " second" : " seconds"),
        List.of(),
        Map.of("retryAfterSeconds", retryAfterSeconds));
  }

  /** A path that exists with other methods. */
  public static ProblemException methodNotAllowed(List<String> allowed) {
    return new ProblemException(
        ProblemType.METHOD_NOT_ALLOWED,
        "This path supports " + String.join(", ", allowed),
        List.of());
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(ProblemType.NOT_FOUND, what + " does not exist", List.of());
  }

  /** A request other than a submission with bad fields. */
  public static ProblemException invalidRequest(List<FieldError> errors) {
    return new ProblemException(
        ProblemType.INVALID_REQUEST,
        errors.size() + (errors.size() == 1 ? " field is" : " fields are") + " invalid",
        errors);
  }

  public static ProblemException idempotencyKeyReused() {
    return new ProblemException(
        ProblemType.IDEMPOTENCY_KEY_REUSED,
        "This Idempotency-Key was first used with a different body; use a new key for a new"
            + " request",
        List.of());
  }

  public static ProblemException requestInProgress() {
    return new ProblemException(
        ProblemType.REQUEST_IN_PROGRESS,
        "The first request with this Idempotency-Key is still being processed; retry shortly",
        List.of());
  }

  /** This refusal as RFC 9457 problem details. */
  public ProblemDetail toProblemDetail() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(problemType.status(), getMessage());
    problem.setType(problemType.type());
    problem.setTitle(problemType.title());
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    properties.forEach(problem::setProperty);
    return problem;
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
