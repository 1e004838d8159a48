package gx.enrollment.gateway.events;

import gx.enrollment.gateway.ids.TimeOrderedIds;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Events for tests: each carries its application's sequence number in the payload. */
final class TestEvents {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private TestEvents() {}

  /** The {@code seq}-th status change of application {@code applicationId}. */
  static OutboxEvent statusChange(String topic, UUID applicationId, int seq) {
    return OutboxEvent.of(
        TimeOrderedIds.next(),
        topic,
        EventTypes.APPLICATION_STATUS_CHANGED,
        applicationId,
        OffsetDateTime.now(ZoneOffset.ofHours(8)),
        JSON.createObjectNode().put("seq", seq).put("to", "VERIFYING"));
  }

  static int seq(OutboxEvent event) {
    return event.payload().required("seq").asInt();
  }
}
