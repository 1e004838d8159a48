package gx.enrollment.gateway.events;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One event to publish: what happened ({@code type}, in payload schema {@code version}), to which
 * application ({@code key}, the Kafka partition key), when, and the details ({@code payload}, a
 * JSON object). Consumers recognise a redelivery by its {@code eventId}.
 *
 * @param eventId unique id of this event; time-ordered ones ({@link
 *     gx.enrollment.gateway.ids.TimeOrderedIds}) keep a consumer's dedupe index compact
 * @param topic the Kafka topic, one of {@link EventTopics}
 * @param key the application id as text; all events of one application share it
 * @param type what happened, one of {@link EventTypes}
 * @param version the schema version of {@code payload}, from 1; raised when its shape changes
 * @param occurredAt when the change the event announces happened
 * @param payload the details, a JSON object (copied, so later changes to the caller's node do not
 *     leak in)
 */
public record OutboxEvent(
    UUID eventId,
    String topic,
    String key,
    String type,
    int version,
    OffsetDateTime occurredAt,
    JsonNode payload) {

  public OutboxEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    requireText(topic, "topic");
    requireText(key, "key");
    requireText(type, "type");
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more, was " + version);
    }
    if (payload == null || !payload.isObject()) {
      throw new IllegalArgumentException("payload must be a JSON object");
    }
    payload = payload.deepCopy();
  }

  /** An event about application {@code applicationId} whose payload is at version 1. */
  public static OutboxEvent of(
      UUID eventId,
      String topic,
      String type,
      UUID applicationId,
      OffsetDateTime occurredAt,
      JsonNode payload) {
    return new OutboxEvent(eventId, topic, applicationId.toString(), type, 1, occurredAt, payload);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
