package gx.enrollment.gateway.events;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The port to the message broker. The relay needs one thing from it: publish a batch, in order, and
 * say whether all of it arrived.
 */
public interface EventPublisher {

  /**
   * Publishes {@code batch} in list order, each event keyed by {@link OutboxEvent#key()}. Completes
   * once the broker has acknowledged every event; fails with {@link EventPublishingException} as
   * soon as the outcome of every event is known and one of them was not acknowledged (some others
   * may then have been delivered: delivery is at least once). Never waits much longer than the
   * broker's delivery timeout.
   */
  Mono<Void> publish(List<OutboxEvent> batch);
}
