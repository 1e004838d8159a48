package gx.enrollment.gateway.draft;

import gx.enrollment.gateway.application.ApplicationStatus;
import gx.enrollment.gateway.application.ApplicationStore;
import gx.enrollment.gateway.edge.Caller;
import gx.enrollment.gateway.ids.TimeOrderedIds;
import gx.enrollment.gateway.openapi.ApiDocs;
import gx.enrollment.gateway.submission.SubmissionRequest;
import gx.enrollment.gateway.verification.Submitter;
import gx.enrollment.gateway.verification.VerificationAnswer;
import gx.enrollment.gateway.web.PathIds;
import gx.enrollment.gateway.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts under {@code /api/v1/applications/drafts}: create one with any part of the form, save it
 * again at any step, read it back, and submit it — which checks it whole, like the verification
 * endpoint, and turns it into an application. {@code POST /api/v1/applications/{id}/resubmission}
 * (再办一单) copies a returned or withdrawn application into a new draft.
 */
@RestController
@Tag(name = "drafts")
public class DraftsController {

  private static final Set<ApplicationStatus> RESUBMITTABLE =
      EnumSet.of(ApplicationStatus.RETURNED, ApplicationStatus.WITHDRAWN);

  private final DraftStore drafts;
  private final ApplicationStore applications;
  private final Submitter submitter;
  private final JsonMapper json;
  private final Clock clock;

  public DraftsController(
      DraftStore drafts,
      ApplicationStore applications,
      Submitter submitter,
      JsonMapper json,
      Clock clock) {
    this.drafts = drafts;
    this.applications = applications;
    this.submitter = submitter;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping(
      path = "/api/v1/applications/drafts",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "保存草稿: a new draft with any part of the form",
      description = "The body of POST /api/v1/verifications, complete or not; stored sealed.")
  @ApiResponse(responseCode = "201", description = "The draft: {draftId, form, updatedAt}")
  public Mono<ResponseEntity<DraftStore.Draft>> create(
      Caller caller, @RequestBody SubmissionRequest form) {
    caller.checkMayFile(form.regionCode(), form.channel());
    return drafts
        .create(TimeOrderedIds.next(), caller.clientId(), form, null, clock.instant())
        .map(draft -> ResponseEntity.status(HttpStatus.CREATED).body(draft));
  }

  @PutMapping(
      path = "/api/v1/applications/drafts/{id}",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Save a draft again, at any step")
  @ApiResponse(
      responseCode = "409",
      description = "status-conflict: the draft was submitted already",
      content =
          @Content(
              mediaType = ApiDocs.PROBLEM_JSON,
              schema = @Schema(ref = ApiDocs.PROBLEM),
              examples =
                  @ExampleObject(
                      name = "status-conflict",
                      ref = ApiDocs.EXAMPLES + "problem-status-conflict")))
  public Mono<DraftStore.Draft> save(
      Caller caller, @PathVariable String id, @RequestBody SubmissionRequest form) {
    UUID draftId = PathIds.uuid(id, "draft");
    caller.checkMayFile(form.regionCode(), form.channel());
    return drafts
        .update(draftId, form, clock.instant())
        .switchIfEmpty(Mono.defer(() -> refuseClosed(draftId)));
  }

  @GetMapping(
      path = "/api/v1/applications/drafts/{id}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Reopen a draft (with submittedAs once submitted)")
  public Mono<DraftStore.Draft> draft(@PathVariable String id) {
    UUID draftId = PathIds.uuid(id, "draft");
    return drafts.find(draftId).switchIfEmpty(Mono.error(() -> notFound(draftId)));
  }

  @PostMapping(
      path = "/api/v1/applications/drafts/{id}/submission",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Submit a draft",
      description =
          "Checked whole exactly like POST /api/v1/verifications (every bad field at once,"
              + " consent, one child one application, Idempotency-Key) and answered the same way.")
  @ApiResponse(
      responseCode = "200",
      description = "The verification report, stored",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = VerificationAnswer.class),
              examples =
                  @ExampleObject(
                      name = "verified",
                      ref = ApiDocs.EXAMPLES + "verification-answer-verified")))
  @ApiResponse(
      responseCode = "400",
      description = "invalid-submission: the draft is not whole or not valid",
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
      description = "consent-required",
      content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
  @ApiResponse(
      responseCode = "409",
      description =
          "duplicate-application, idempotency-key-reused, request-in-progress, or status-conflict"
              + " (submitted already)",
      content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
  public Mono<ResponseEntity<String>> submit(
      Caller caller,
      @PathVariable String id,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
    UUID draftId = PathIds.uuid(id, "draft");
    return drafts
        .find(draftId)
        .switchIfEmpty(Mono.error(() -> notFound(draftId)))
        .flatMap(
            draft ->
                draft.submittedAs() != null && idempotencyKey == null
                    ? refuseClosed(draftId).then(Mono.<ResponseEntity<String>>empty())
                    : submitter
                        .submit(caller, draft.form(), idempotencyKey)
                        .flatMap(answer -> recordSubmitted(draftId, answer)));
  }

  @PostMapping(
      path = "/api/v1/applications/{id}/resubmission",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "再办一单: a new draft copied from a RETURNED or WITHDRAWN application",
      description = "The old application stays closed; the draft carries copiedFrom.")
  @ApiResponse(responseCode = "201", description = "The new draft")
  @ApiResponse(
      responseCode = "409",
      description = "status-conflict: the application is neither RETURNED nor WITHDRAWN",
      content =
          @Content(
              mediaType = ApiDocs.PROBLEM_JSON,
              schema = @Schema(ref = ApiDocs.PROBLEM),
              examples =
                  @ExampleObject(
                      name = "status-conflict",
                      ref = ApiDocs.EXAMPLES + "problem-status-conflict")))
  public Mono<ResponseEntity<DraftStore.Draft>> resubmit(Caller caller, @PathVariable String id) {
    UUID applicationId = PathIds.uuid(id, "application");
    return applications
        .loadForm(applicationId)
        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("application " + applicationId)))
        .flatMap(
            stored -> {
              if (!RESUBMITTABLE.contains(stored.status())) {
                return Mono.error(
                    ProblemException.statusConflict(
                        stored.status().name(),
                        stored.status().label(),
                        "再办一单 copies a RETURNED or WITHDRAWN application; this one is "
                            + stored.status()));
              }
              // The new draft is the caller's to edit (the edge checked it serves the region).
              return drafts.create(
                  TimeOrderedIds.next(),
                  caller.clientId(),
                  stored.form(),
                  applicationId,
                  clock.instant());
            })
        .map(draft -> ResponseEntity.status(HttpStatus.CREATED).body(draft));
  }

  private Mono<ResponseEntity<String>> recordSubmitted(
      UUID draftId, ResponseEntity<String> answer) {
    if (!answer.getStatusCode().is2xxSuccessful() || answer.getBody() == null) {
      return Mono.just(answer);
    }
    UUID applicationId =
        UUID.fromString(json.readTree(answer.getBody()).path("applicationId").asText());
    return drafts.markSubmitted(draftId, applicationId, clock.instant()).thenReturn(answer);
  }

  private <T> Mono<T> refuseClosed(UUID draftId) {
    return drafts
        .find(draftId)
        .switchIfEmpty(Mono.error(() -> notFound(draftId)))
        .flatMap(
            draft ->
                Mono.error(
                    ProblemException.statusConflict(
                        "SUBMITTED",
                        "已提交",
                        "draft "
                            + draftId
                            + " was submitted as application "
                            + draft.submittedAs()
                            + "; it can no longer change")));
  }

  private static ProblemException notFound(UUID draftId) {
    return ProblemException.notFound("draft " + draftId);
  }
}
