package gx.enrollment.gateway.review;

import gx.enrollment.gateway.web.ProblemException;
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
public class ReviewController {

  private final ReviewService reviews;

  public ReviewController(ReviewService reviews) {
    this.reviews = reviews;
  }

  @PostMapping(
      path = "/api/v1/review/decisions",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<DecisionRecord> decide(@RequestBody DecisionRequest request) {
    DecisionRequest.Checked checked = request.check();
    if (checked instanceof DecisionRequest.Checked.Invalid invalid) {
      return Mono.error(ProblemException.invalidRequest(invalid.errors()));
    }
    return reviews.decide(((DecisionRequest.Checked.Valid) checked).decision());
  }
}
