package gx.enrollment.gateway.review;

import gx.enrollment.gateway.events.InboundMessage;
import gx.enrollment.gateway.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes reviewers' decisions from the topic {@code enrollment.review.decisions} (the same JSON
 * as {@code POST /api/v1/review/decisions}) and applies them through {@link ReviewService}. A
 * message is acknowledged once its decision is recorded; one that cannot be read, or names an
 * unknown application, is logged and skipped, so it cannot block the topic. While the database or
 * Kafka is away the consumer backs off and starts again from the last acknowledged message;
 * decisions are idempotent by their id, so a redelivery changes nothing.
 */
public final class ReviewDecisionConsumer {

  /** The topic reviewers' systems publish decisions to. */
  public static final String TOPIC = "enrollment.review.decisions";

  public static final String GROUP = "enrollment-gateway-review";

  private static final Logger log = LoggerFactory.getLogger(ReviewDecisionConsumer.class);

  private final ReviewService reviews;
  private final JsonMapper json;

  public ReviewDecisionConsumer(ReviewService reviews, JsonMapper json) {
    this.reviews = reviews;
    this.json = json;
  }

  /** Applies one message's decision; errors only when it must come again. */
  public Mono<Void> handle(InboundMessage message) {
    DecisionRequest request;
    try {
      request = json.readValue(message.value(), DecisionRequest.class);
    } catch (JacksonException e) {
      log.warn("skipped an unreadable decision on {} (key {})", message.topic(), message.key());
      return Mono.empty();
    }
    DecisionRequest.Checked checked = request.check();
    if (checked instanceof DecisionRequest.Checked.Invalid invalid) {
      log.warn(
          "skipped decision {}: {}",
          request.decisionId(),
          invalid.errors().stream().map(e -> e.field()).toList());
      return Mono.empty();
    }
    return reviews
        .decide(((DecisionRequest.Checked.Valid) checked).decision())
        .doOnNext(
            record ->
                log.info(
                    "decision {} on {}: {}",
                    record.decisionId(),
                    record.applicationId(),
                    record.outcome()))
        .onErrorResume(
            ProblemException.class,
            refusal -> {
              log.warn("skipped decision {}: {}", request.decisionId(), refusal.getMessage());
              return Mono.empty();
            })
        .then();
  }
}
