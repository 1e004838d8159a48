package gx.enrollment.gateway.verification;

import gx.enrollment.gateway.application.ApplicationStateMachine;
import gx.enrollment.gateway.application.ApplicationStateMachine.Action;
import gx.enrollment.gateway.application.ApplicationStateMachine.Actor;
import gx.enrollment.gateway.application.ApplicationStateMachine.Decision;
import gx.enrollment.gateway.application.ApplicationStore;
import gx.enrollment.gateway.edge.Caller;
import gx.enrollment.gateway.openapi.ApiDocs;
import gx.enrollment.gateway.submission.SubmissionRequest;
import gx.enrollment.gateway.web.PathIds;
import gx.enrollment.gateway.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/applications/{id}/supplement} (补齐补正): while an application waits for a
 * supplement (待补正), the parent sends the corrected form — same child, same school year — which is
 * checked whole, verified again and stored; the application goes back to 待受理.
 */
@RestController
@Tag(name = "applications")
public class SupplementController {

  private final ApplicationStore applications;
  private final Submitter submitter;
  private final SubmissionService submissions;

  public SupplementController(
      ApplicationStore applications, Submitter submitter, SubmissionService submissions) {
    this.applications = applications;
    this.submitter = submitter;
    this.submissions = submissions;
  }

  @PostMapping(
      path = "/api/v1/applications/{id}/supplement",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "补齐补正: the corrected form of an application waiting for a supplement",
      description =
          "Checked whole, verified again and stored; the application goes back to"
              + " PENDING_ACCEPTANCE (待受理). The child and the school year cannot change.")
  @ApiResponse(
      responseCode = "200",
      description = "The new verification report, stored",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = VerificationAnswer.class)))
  @ApiResponse(
      responseCode = "400",
      description = "invalid-submission",
      content =
          @Content(
              mediaType = ApiDocs.PROBLEM_JSON,
              schema = @Schema(ref = ApiDocs.PROBLEM),
              examples =
                  @ExampleObject(
                      name = "invalid-submission",
                      ref = ApiDocs.EXAMPLES + "problem-invalid-submission")))
  @ApiResponse(
      responseCode = "409",
      description = "status-conflict: the application is not NEEDS_SUPPLEMENT (待补正)",
      content =
          @Content(
              mediaType = ApiDocs.PROBLEM_JSON,
              schema = @Schema(ref = ApiDocs.PROBLEM),
              examples =
                  @ExampleObject(
                      name = "status-conflict",
                      ref = ApiDocs.EXAMPLES + "problem-status-conflict")))
  public Mono<ResponseEntity<String>> supplement(
      Caller caller, @PathVariable String id, @RequestBody SubmissionRequest form) {
    UUID applicationId = PathIds.uuid(id, "application");
    return applications
        .status(applicationId)
        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("application " + applicationId)))
        .flatMap(
            stored -> {
              Decision decision =
                  ApplicationStateMachine.decide(stored.status(), Action.SUPPLEMENT, Actor.PARENT);
              if (decision instanceof Decision.Refused refused) {
                return Mono.error(
                    ProblemException.statusConflict(
                        refused.current().name(), refused.current().label(), refused.reason()));
              }
              return submitter
                  .validated(caller, form)
                  .flatMap(
                      submission -> submissions.supplement(stored.application(), form, submission));
            })
        .map(Submitter::response);
  }
}
