package gx.enrollment.gateway.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** The stable {@code type} URIs of our problem responses, with their status and title. */
public enum ProblemType {
  INVALID_SUBMISSION("invalid-submission", HttpStatus.BAD_REQUEST, "The submission is invalid"),
  MALFORMED_REQUEST(
      "malformed-request", HttpStatus.BAD_REQUEST, "The request body is not the JSON expected"),
  CONSENT_REQUIRED(
      "consent-required", HttpStatus.FORBIDDEN, "Real-name verification and consent are required"),
  DUPLICATE_APPLICATION(
      "duplicate-application", HttpStatus.CONFLICT, "The child already has an active application"),
  IDEMPOTENCY_KEY_REUSED(
      "idempotency-key-reused",
      HttpStatus.CONFLICT,
      "The Idempotency-Key was used for another request"),
  REQUEST_IN_PROGRESS(
      "request-in-progress",
      HttpStatus.CONFLICT,
      "A request with this Idempotency-Key is still being processed"),
  STATUS_CONFLICT(
      "status-conflict", HttpStatus.CONFLICT, "The application's status does not allow this"),
  LOTTERY_STATE_CONFLICT(
      "lottery-state-conflict", HttpStatus.CONFLICT, "The lottery's state does not allow this"),
  LOTTERY_EXISTS(
      "lottery-exists",
      HttpStatus.CONFLICT,
      "The school has a lottery for this school year and stage already"),
  LOTTERY_NOT_READY(
      "lottery-not-ready",
      HttpStatus.CONFLICT,
      "Applicants of the lottery are not in a status this step needs"),
  INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "The request is invalid"),
  ALREADY_RATED("already-rated", HttpStatus.CONFLICT, "The application has been rated already"),
  UNAUTHENTICATED(
      "unauthenticated", HttpStatus.UNAUTHORIZED, "Client credentials are missing or invalid"),
  FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "The client may not do this"),
  TOO_MANY_REQUESTS(
      "too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "The client is over its rate limit"),
  NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
  NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
  PAYLOAD_TOO_LARGE(
      "payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "The request body is too large"),
  FILE_TOO_LARGE("file-too-large", HttpStatus.CONTENT_TOO_LARGE, "The file is over the size limit"),
  MATERIALS_TOO_LARGE(
      "materials-too-large",
      HttpStatus.CONTENT_TOO_LARGE,
      "The materials would be over the total size limit"),
  TOO_MANY_MATERIALS(
      "too-many-materials", HttpStatus.CONFLICT, "The most materials allowed are there already"),
  UNSUPPORTED_FILE_TYPE(
      "unsupported-file-type",
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      "Only JPEG, PNG and PDF files are accepted"),
  UNSUPPORTED_MEDIA_TYPE(
      "unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
  BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request"),
  STORAGE_UNAVAILABLE(
      "storage-unavailable",
      HttpStatus.SERVICE_UNAVAILABLE,
      "The database cannot be reached; nothing was stored"),
  INTERNAL("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

  /** Where the problem types live; the part after it names the type. */
  public static final String BASE = "https://enrollment.gx.example/problems/";

  private final URI type;
  private final HttpStatus status;
  private final String title;

  ProblemType(String slug, HttpStatus status, String title) {
    this.type = URI.create(BASE + slug);
    this.status = status;
    this.title = title;
  }

  public URI type() {
    return type;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
