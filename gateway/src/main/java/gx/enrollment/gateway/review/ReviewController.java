package gx.enrollment.gateway.review;

import gx.enrollment.gateway.edge.Caller;
import gx.enrollment.gateway.openapi.ApiDocs;
import gx.enrollment.gateway.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/review/decisions}: reviewer tools send decisions here (受理 ACCEPT, 补齐补正
 * REQUEST_SUPPLEMENT, 退件 RETURN, 办结 COMPLETE). The answer is the decision's record: {@code
 * APPLIED}, or {@code REJECTED} with why.
 */
@RestController
@Tag(name = "review")
public class ReviewController {

  private final ReviewService reviews;

  public ReviewController(ReviewService reviews) {
    this.reviews = reviews;
  }

  @PostMapping(
      path = "/api/v1/review/decisions",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "A reviewer's decision: ACCEPT, REQUEST_SUPPLEMENT, RETURN or COMPLETE",
      description =
          "Idempotent by decisionId. A decision that does not fit the application's status is"
              + " recorded with outcome REJECTED and a note, and changes nothing. The same JSON on"
              + " the Kafka topic enrollment.review.decisions is applied the same way.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = "application/json",
                      schema = @Schema(implementation = DecisionRequest.class),
                      examples =
                          @ExampleObject(
                              name = "accept",
                              ref = ApiDocs.EXAMPLES + "review-decision-accept"))))
  @ApiResponse(
      responseCode = "200",
      description = "The decision as recorded: APPLIED, or REJECTED with a note",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = DecisionRecord.class),
              examples =
                  @ExampleObject(
                      name = "applied",
                      ref = ApiDocs.EXAMPLES + "review-decision-record")))
  @ApiResponse(
      responseCode = "400",
      description = "invalid-request: every bad field named",
      content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
  @ApiResponse(
      responseCode = "403",
      description = "forbidden: the application is of an area this client does not serve",
      content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
  public Mono<DecisionRecord> decide(Caller caller, @RequestBody DecisionRequest request) {
    DecisionRequest.Checked checked = request.check();
    if (checked instanceof DecisionRequest.Checked.Invalid invalid) {
      return Mono.error(ProblemException.invalidRequest(invalid.errors()));
    }
    return reviews.decide(((DecisionRequest.Checked.Valid) checked).decision(), caller);
  }
}
