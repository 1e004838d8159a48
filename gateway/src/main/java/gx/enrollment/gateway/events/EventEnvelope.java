package gx.enrollment.gateway.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The value of every Kafka record the gateway publishes, and what the outbox stores in its {@code
 * payload} column:
 *
 * <pre>{@code
 * {"eventId":"…","type":"ApplicationStatusChanged","version":1,
 *  "occurredAt":"2024-07-01T09:30:00+08:00","applicationId":"…","payload":{…}}
 * }</pre>
 *
 * <p>The outbox keeps the whole envelope rather than the bare payload because the table has no
 * column for the version or the time of the change; a row is then exactly what will be sent.
 */
public final class EventEnvelope {

  /**
   * Decimals stay exact, trailing zeros included: a stored payload's numbers must reach consumers
   * as they were written.
   */
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  /** ISO-8601 with the offset, seconds always written (unlike {@code OffsetDateTime.toString}). */
  private static final DateTimeFormatter OCCURRED_AT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private EventEnvelope() {}

  /** The envelope of {@code event} as UTF-8 JSON. */
  public static byte[] write(OutboxEvent event) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("eventId", event.eventId().toString());
    envelope.put("type", event.type());
    envelope.put("version", event.version());
    envelope.put("occurredAt", OCCURRED_AT.format(event.occurredAt()));
    envelope.put("applicationId", event.key());
    envelope.set("payload", event.payload());
    return JSON.writeValueAsBytes(envelope);
  }

  /**
   * The event in {@code json}, an envelope published on (or stored for) {@code topic}.
   *
   * @throws IllegalArgumentException if {@code json} is not a complete envelope
   */
  public static OutboxEvent read(String topic, String json) {
    try {
      JsonNode envelope = JSON.readTree(json);
      return new OutboxEvent(
          UUID.fromString(envelope.required("eventId").asString()),
          topic,
          envelope.required("applicationId").asString(),
          envelope.required("type").asString(),
          envelope.required("version").asInt(),
          OffsetDateTime.parse(envelope.required("occurredAt").asString()),
          envelope.required("payload"));
    } catch (JacksonException | DateTimeParseException e) {
      throw new IllegalArgumentException("not an event envelope: " + e.getMessage(), e);
    }
  }
}
