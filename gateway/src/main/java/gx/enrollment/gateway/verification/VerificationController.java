package gx.enrollment.gateway.verification;

import gx.enrollment.gateway.edge.Caller;
import gx.enrollment.gateway.openapi.ApiDocs;
import gx.enrollment.gateway.submission.SubmissionRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "verifications")
public class VerificationController {

  private final Submitter submitter;

  public VerificationController(Submitter submitter) {
    this.submitter = submitter;
  }

  @PostMapping(
      path = "/api/v1/verifications",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Verify one enrollment submission and store it as an application",
      description =
          "Validates the whole form (every bad field at once), refuses an ONLINE submission"
              + " without consent before any source is asked, stores the application, queries in"
              + " parallel only the sources the submission needs (each behind its own breaker,"
              + " retry, time limiter and bulkhead) under one deadline (default 3 s), and answers"
              + " with the report once it is stored. A source that fails never fails the request:"
              + " it is UNAVAILABLE with a reason and the outcome is NEEDS_REVIEW.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = "application/json",
                      schema = @Schema(implementation = SubmissionRequest.class),
                      examples = {
                        @ExampleObject(
                            name = "form A (API.md)",
                            ref = ApiDocs.EXAMPLES + "verification-request-form-a"),
                        @ExampleObject(
                            name = "form B",
                            ref = ApiDocs.EXAMPLES + "verification-request-form-b")
                      })))
  @ApiResponse(
      responseCode = "200",
      description = "The report, stored: the application is PENDING_ACCEPTANCE (待受理)",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = VerificationAnswer.class),
              examples = {
                @ExampleObject(
                    name = "verified",
                    ref = ApiDocs.EXAMPLES + "verification-answer-verified"),
                @ExampleObject(
                    name = "a source unavailable (API.md)",
                    ref = ApiDocs.EXAMPLES + "verification-answer-needs-review")
              }))
  @ApiResponse(
      responseCode = "400",
      description =
          "invalid-submission (every bad field in errors[]) or malformed-request (not the JSON"
              + " expected)",
      content =
          @Content(
              mediaType = ApiDocs.PROBLEM_JSON,
              schema = @Schema(ref = ApiDocs.PROBLEM),
              examples =
                  @ExampleObject(
                      name = "invalid-submission",
                      ref = ApiDocs.EXAMPLES + "problem-invalid-submission")))
  @ApiResponse(
      responseCode = "403",
      description = "consent-required: ONLINE without real-name verification and consent",
      content =
          @Content(
              mediaType = ApiDocs.PROBLEM_JSON,
              schema = @Schema(ref = ApiDocs.PROBLEM),
              examples =
                  @ExampleObject(
                      name = "consent-required",
                      ref = ApiDocs.EXAMPLES + "problem-consent-required")))
  @ApiResponse(
      responseCode = "409",
      description =
          "duplicate-application (the child has an active application this school year),"
              + " idempotency-key-reused, request-in-progress",
      content =
          @Content(
              mediaType = ApiDocs.PROBLEM_JSON,
              schema = @Schema(ref = ApiDocs.PROBLEM),
              examples =
                  @ExampleObject(
                      name = "duplicate-application",
                      ref = ApiDocs.EXAMPLES + "problem-duplicate-application")))
  public Mono<ResponseEntity<String>> verify(
      Caller caller,
      @RequestBody SubmissionRequest request,
      @Parameter(description = ApiDocs.IDEMPOTENCY_KEY_DESCRIPTION)
          @RequestHeader(name = "Idempotency-Key", required = false)
          @Nullable String idempotencyKey) {
    return submitter.submit(caller, request, idempotencyKey);
  }
}
