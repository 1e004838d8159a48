package gx.enrollment.gateway.events;

import static gx.enrollment.gateway.events.TestEvents.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The envelope is a published contract: its fields, their spelling and their formats. */
class EventEnvelopeUnitTests {

  private static final UUID EVENT_ID = UUID.fromString("0190f5a4-1c2b-7d3e-8f4a-5b6c7d8e9f00");
  private static final UUID APPLICATION_ID =
      UUID.fromString("6f1c2a9e-3b7d-4c1e-9a55-0d8e2f4b7c10");

  private final OutboxEvent event =
      OutboxEvent.of(
          EVENT_ID,
          EventTopics.VERIFICATION_COMPLETED,
          EventTypes.VERIFICATION_COMPLETED,
          APPLICATION_ID,
          OffsetDateTime.parse("2024-07-01T09:30:00.120+08:00"),
          JSON.readTree("{\"outcome\":\"PASSED\",\"sources\":4}"));

  @Test
  void writes_the_documented_fields_with_iso_times() {
    String json = new String(EventEnvelope.write(event), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"eventId\":\"0190f5a4-1c2b-7d3e-8f4a-5b6c7d8e9f00\","
                + "\"type\":\"VerificationCompleted\",\"version\":1,"
                + "\"occurredAt\":\"2024-07-01T09:30:00.12+08:00\","
                + "\"applicationId\":\"6f1c2a9e-3b7d-4c1e-9a55-0d8e2f4b7c10\","
                + "\"payload\":{\"outcome\":\"PASSED\",\"sources\":4}}");
  }

  @Test
  void reads_back_the_event_it_wrote() {
    String json = new String(EventEnvelope.write(event), StandardCharsets.UTF_8);

    OutboxEvent read = EventEnvelope.read(EventTopics.VERIFICATION_COMPLETED, json);

    assertThat(read).usingRecursiveComparison().ignoringFields("payload").isEqualTo(event);
    assertThat(JSON.readTree(EventEnvelope.write(read))).isEqualTo(JSON.readTree(json));
  }

  @Test
  void relays_stored_decimals_exactly_as_they_were_written() {
    String stored =
        "{\"eventId\":\"0190f5a4-1c2b-7d3e-8f4a-5b6c7d8e9f00\",\"type\":\"T\",\"version\":2,"
            + "\"occurredAt\":\"2024-07-01T09:30:00+08:00\",\"applicationId\":\"a-1\","
            + "\"payload\":{\"score\":0.10,\"big\":12345678901234567.89}}";

    byte[] relayed = EventEnvelope.write(EventEnvelope.read("t", stored));

    assertThat(new String(relayed, StandardCharsets.UTF_8)).isEqualTo(stored);
  }

  @Test
  void refuses_what_is_not_an_envelope() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventEnvelope.read("t", "{\"eventId\":\"" + EVENT_ID + "\"}"));
    assertThatIllegalArgumentException().isThrownBy(() -> EventEnvelope.read("t", "not json"));
  }

  @Test
  void takes_only_a_json_object_as_payload_and_a_version_from_one() {
    JsonNode array = JSON.readTree("[1,2]");

    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> OutboxEvent.of(EVENT_ID, "t", "T", APPLICATION_ID, OffsetDateTime.now(), array));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new OutboxEvent(
                    EVENT_ID, "t", "k", "T", 0, OffsetDateTime.now(), JSON.createObjectNode()));
  }
}
