package gx.enrollment.gateway.metrics;

import gx.enrollment.gateway.events.EventPublisher;
import gx.enrollment.gateway.events.OutboxEvent;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Counts what the outbox relay publishes: events Kafka acknowledged, and batches it did not ({@link
 * EnrollmentMetrics#PUBLISH_FAILURES}). A decorator, so the Kafka adapter stays about Kafka.
 */
public final class MeteredEventPublisher implements EventPublisher {

  private final EventPublisher delegate;
  private final EnrollmentMetrics metrics;

  public MeteredEventPublisher(EventPublisher delegate, EnrollmentMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public Mono<Void> publish(List<OutboxEvent> batch) {
    return delegate
        .publish(batch)
        .doOnSuccess(done -> metrics.eventsPublished(batch.size()))
        .doOnError(error -> metrics.publishFailed());
  }
}
