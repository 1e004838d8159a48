package gx.enrollment.gateway.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gx.enrollment.gateway.support.EmbeddedKafkaServer;
import gx.enrollment.gateway.support.StubbedGateway;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reviewers' decisions arriving on the Kafka topic {@code enrollment.review.decisions}. */
class ReviewDecisionTopicTests extends StubbedGateway {

  @BeforeAll
  static void createTopic() {
    EmbeddedKafkaServer.shared().broker().addTopicsWithResults(ReviewDecisionConsumer.TOPIC);
  }

  @Test
  void applies_a_decision_from_the_topic_once_even_when_it_comes_twice() {
    String id = submit("local-simple");
    String decision =
        """
        {"decisionId": "k-accept-%s", "applicationId": "%s", "decision": "ACCEPT",
         "reviewer": "r-kafka"}
        """
            .formatted(id, id);

    publish(id, decision);
    publish(id, decision);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "IN_PROGRESS"
                    .equals(value("select status from applications where id = '" + id + "'")));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "3"
                    .equals(
                        value(
                            "select count(*) from application_status_history where"
                                + " application_id = '"
                                + id
                                + "'")));
    assertThat(value("select count(*) from review_decisions where application_id = '" + id + "'"))
        .isEqualTo("1");
  }

  @Test
  void skips_a_message_it_cannot_read_and_goes_on_with_the_next() {
    String id = submit("junior-local");

    publish(id, "{not json");
    publish(id, "{\"decisionId\": \"k-no-fields\"}");
    publish(
        id,
        """
        {"decisionId": "k-return-%s", "applicationId": "%s", "decision": "RETURN",
         "reviewer": "r-kafka", "reason": "不在学区范围"}
        """
            .formatted(id, id));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "RETURNED"
                    .equals(value("select status from applications where id = '" + id + "'")));
  }

  private String submit(String familyKey) {
    return submitted(stubs.population().family(familyKey));
  }

  private static void publish(String key, String value) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafkaServer.shared().bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(ReviewDecisionConsumer.TOPIC, key, value));
      producer.flush();
    }
  }
}
