package gx.enrollment.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gx.enrollment.gateway.support.EmbeddedKafkaServer;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.mocks.FaultScenario;
import gx.enrollment.mocks.SentSms;
import gx.enrollment.mocks.Upstream;
import gx.enrollment.mocks.population.Family;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One SMS per status change the seed names, through the stubbed SMS gateway and the real Kafka:
 * never twice, whether Kafka delivers the event again or a sender died mid-send.
 */
class StatusNotifierTests extends StubbedGateway {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void sends_one_sms_when_a_reviewer_accepts() {
    Family family = stubs.population().family("local-simple");
    String id = submitted(family);

    decide(id, "n-accept-1");

    List<SentSms> sent = awaitSms(id, 1);
    assertThat(sent.get(0).phone()).isEqualTo(family.phone());
    assertThat(sent.get(0).template()).isEqualTo("ENROLLMENT_STATUS");
    assertThat(sent.get(0).params()).containsEntry("status", "办理中");
    assertThat(sent.get(0).params().get("ref")).matches("GX2024-\\d{6}");
    // The gateway's answer reaches the stub's journal before the notifier records it.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "SENT"
                    .equals(
                        value(
                            "select state from sms_notifications where application_id = '"
                                + id
                                + "'")));
  }

  @Test
  void sends_nothing_for_changes_the_seed_does_not_notify() {
    Family family = stubs.population().family("junior-local");
    String id = submitted(family);

    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> smsAboutApplication(id).isEmpty());
  }

  @Test
  void never_sends_twice_when_kafka_delivers_the_event_again() {
    Family family = stubs.population().family("local-owner");
    String id = submitted(family);
    decide(id, "n-accept-2");
    awaitSms(id, 1);

    String event =
        value(
            "select payload::text from outbox where event_key = '"
                + id
                + "' and payload->'payload'->>'to' = 'IN_PROGRESS'");
    publish(id, event);
    publish(id, event);

    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(15))
        .until(() -> smsAboutApplication(id).size() == 1);
  }

  @Test
  void never_sends_again_a_notice_whose_sender_died_mid_send() {
    Family family = stubs.population().family("migrant-owner");
    String id = submitted(family);
    // A process claimed this notice and died before it knew whether the gateway sent it.
    db.sql(
            "insert into sms_notifications (event_id, application_id, to_status, state, attempts,"
                + " created_at, updated_at) select (payload->>'eventId')::uuid, '"
                + id
                + "', 'IN_PROGRESS', 'SENDING', 1, now(), now() from outbox where event_key = '"
                + id
                + "' and payload->'payload'->>'to' = 'PENDING_ACCEPTANCE'")
        .then()
        .block();
    String pending =
        value(
            "select payload::text from outbox where event_key = '"
                + id
                + "' and payload->'payload'->>'to' = 'PENDING_ACCEPTANCE'");

    ObjectNode notified = (ObjectNode) JSON.readTree(pending);
    ((ObjectNode) notified.get("payload")).put("notifyGuardian", true);
    publish(id, notified.toString());

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                "UNCERTAIN"
                    .equals(
                        value(
                            "select state from sms_notifications where application_id = '"
                                + id
                                + "'")));
    assertThat(smsAboutApplication(id)).isEmpty();
  }

  @Test
  void sends_again_a_notice_the_gateway_refused_and_only_once_it_is_accepted() {
    Family family = stubs.population().family("migrant-renter");
    String id = submitted(family);
    stubs.fault(Upstream.SMS, FaultScenario.flaky(2));

    decide(id, "n-accept-3");

    awaitSms(id, 1);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> smsAboutApplication(id).size() == 1);
    assertThat(value("select attempts from sms_notifications where application_id = '" + id + "'"))
        .isEqualTo("3");
  }

  private List<SentSms> awaitSms(String id, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> smsAboutApplication(id).size() >= count);
    return smsAboutApplication(id);
  }

  private List<SentSms> smsAboutApplication(String id) {
    return smsAbout(value("select reference from applications where id = '" + id + "'"));
  }

  private void decide(String id, String decisionId) {
    client
        .post()
        .uri("/api/v1/review/decisions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "decisionId",
                decisionId + "-" + id,
                "applicationId",
                id,
                "decision",
                "ACCEPT",
                "reviewer",
                "r-sms"))
        .exchange()
        .expectStatus()
        .isOk();
  }

  private static void publish(String key, String value) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafkaServer.shared().bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>("enrollment.application.status-changed", key, value));
      producer.flush();
    }
  }
}
