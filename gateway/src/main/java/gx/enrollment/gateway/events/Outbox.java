package gx.enrollment.gateway.events;

import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Where a change records the events that announce it. {@link #append} writes through the caller's
 * reactive transaction, so an event exists exactly when the change committed; {@link OutboxRelay}
 * publishes it afterwards.
 *
 * <p>Call {@code append} <em>after</em> the statement that updates (and so locks) the application's
 * row: then the outbox ids of one application follow the commit order, which is the order the relay
 * publishes in.
 */
public final class Outbox {

  /**
   * Kafka refuses records over about 1 MB ({@code max.request.size}); a larger envelope would fail
   * its relay batch forever, so it is refused here, inside the caller's transaction.
   */
  static final int MAX_ENVELOPE_BYTES = 512 * 1024;

  private static final String INSERT =
      """
      insert into outbox (event_id, topic, event_key, event_type, lane, payload, created_at)
      values (:eventId, :topic, :key, :type, :lane, :envelope, now())
      """;

  private final DatabaseClient database;
  private final int lanes;

  /**
   * @param database the client whose connection factory the callers' transactions use
   * @param lanes the number of relay lanes, {@link EventsProperties.Relay#lanes()}
   */
  public Outbox(DatabaseClient database, int lanes) {
    if (lanes < 1 || lanes > Short.MAX_VALUE) {
      throw new IllegalArgumentException("lanes must be between 1 and 32767, was " + lanes);
    }
    this.database = database;
    this.lanes = lanes;
  }

  /**
   * Inserts {@code event} in the transaction of the subscriber's context (or on its own when there
   * is none). Fails if the event id is already in the outbox or the envelope is too large.
   */
  public Mono<Void> append(OutboxEvent event) {
    return Mono.fromCallable(() -> envelope(event))
        .flatMap(
            envelope ->
                database
                    .sql(INSERT)
                    .bind("eventId", event.eventId())
                    .bind("topic", event.topic())
                    .bind("key", event.key())
                    .bind("type", event.type())
                    .bind("lane", (short) EventLanes.of(event.key(), lanes))
                    .bind("envelope", Json.of(envelope))
                    .then());
  }

  private static byte[] envelope(OutboxEvent event) {
    byte[] envelope = EventEnvelope.write(event);
    if (envelope.length > MAX_ENVELOPE_BYTES) {
      throw new IllegalArgumentException(
          "event "
              + event.eventId()
              + " of type "
              + event.type()
              + " is "
              + envelope.length
              + " bytes; the outbox takes at most "
              + MAX_ENVELOPE_BYTES);
    }
    return envelope;
  }
}
