package gx.enrollment.gateway.application;

import gx.enrollment.gateway.openapi.ApiDocs;
import gx.enrollment.gateway.submission.FieldError;
import gx.enrollment.gateway.web.PathIds;
import gx.enrollment.gateway.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/applications/{id}}: read an application with its status history (我的办件), and
 * withdraw it (撤回, only while 待受理, with a reason).
 */
@RestController
@Tag(name = "applications")
public class ApplicationsController {

  private static final int MAX_REASON = 500;

  private final ApplicationService applications;

  public ApplicationsController(ApplicationService applications) {
    this.applications = applications;
  }

  /** The body of a withdrawal. */
  public record Withdrawal(@Nullable String reason) {}

  /** The body of a rating. */
  public record RatingRequest(@Nullable Integer score, @Nullable String comment) {}

  /** 办件结果: the admission result, once the application is 已办结. */
  @GetMapping(
      path = "/api/v1/applications/{id}/result",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "办件结果: the admission result",
      description = "Once the application is COMPLETED (已办结); before that 409 status-conflict.")
  @ApiResponse(
      responseCode = "409",
      description = "status-conflict: the application is not COMPLETED yet",
      content =
          @Content(
              mediaType = ApiDocs.PROBLEM_JSON,
              schema = @Schema(ref = ApiDocs.PROBLEM),
              examples =
                  @ExampleObject(
                      name = "status-conflict",
                      ref = ApiDocs.EXAMPLES + "problem-status-conflict")))
  public Mono<ApplicationResult> result(@PathVariable String id) {
    return applications.result(PathIds.uuid(id, "application"));
  }

  /** 办件评价: 1 to 5 and an optional comment, once. */
  @PostMapping(
      path = "/api/v1/applications/{id}/rating",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "办件评价: rate the handling, 1 to 5, once",
      description =
          "Any time after the application was submitted; comment optional, at most 500"
              + " characters.")
  @ApiResponse(
      responseCode = "400",
      description = "invalid-request: score out of 1–5 or comment too long",
      content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
  @ApiResponse(
      responseCode = "409",
      description = "already-rated",
      content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
  public Mono<Rating> rate(@PathVariable String id, @RequestBody RatingRequest rating) {
    Integer score = rating.score();
    String comment = rating.comment();
    List<FieldError> errors = new java.util.ArrayList<>();
    if (score == null || score < 1 || score > 5) {
      errors.add(new FieldError("score", "OUT_OF_RANGE", "score must be 1 to 5"));
    }
    if (comment != null && comment.length() > MAX_REASON) {
      errors.add(
          new FieldError("comment", "TOO_LONG", "comment is over " + MAX_REASON + " characters"));
    }
    if (!errors.isEmpty()) {
      return Mono.error(ProblemException.invalidRequest(errors));
    }
    return applications.rate(
        PathIds.uuid(id, "application"),
        score,
        comment == null || comment.isBlank() ? null : comment.strip());
  }

  @GetMapping(path = "/api/v1/applications/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "我的办件: the application as the guardian sees it",
      description =
          "Status and label, the form with ID numbers and phone masked, every status change and"
              + " every verification report.")
  public Mono<ApplicationView> application(@PathVariable String id) {
    return applications.view(PathIds.uuid(id, "application"));
  }

  @PostMapping(
      path = "/api/v1/applications/{id}/withdrawal",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "撤回: withdraw the application, with a reason",
      description =
          "Only while PENDING_ACCEPTANCE (待受理); irreversible; frees the child for a new"
              + " application.")
  @ApiResponse(
      responseCode = "400",
      description = "invalid-request: no reason, or over 500 characters",
      content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
  @ApiResponse(
      responseCode = "409",
      description = "status-conflict: not PENDING_ACCEPTANCE (the current status is named)",
      content =
          @Content(
              mediaType = ApiDocs.PROBLEM_JSON,
              schema = @Schema(ref = ApiDocs.PROBLEM),
              examples =
                  @ExampleObject(
                      name = "status-conflict",
                      ref = ApiDocs.EXAMPLES + "problem-status-conflict")))
  public Mono<ApplicationView> withdraw(
      @PathVariable String id, @RequestBody Withdrawal withdrawal) {
    String reason = withdrawal.reason();
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      return Mono.error(
          ProblemException.invalidRequest(
              List.of(
                  new FieldError(
                      "reason",
                      reason == null || reason.isBlank() ? "REQUIRED" : "TOO_LONG",
                      "reason (撤回原因) is required, at most " + MAX_REASON + " characters"))));
    }
    return applications.withdraw(PathIds.uuid(id, "application"), reason.strip());
  }
}
