package gx.enrollment.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gx.enrollment.gateway.support.EmbeddedInfrastructure;
import gx.enrollment.gateway.support.EmbeddedKafkaServer;
import gx.enrollment.gateway.support.Families;
import gx.enrollment.gateway.support.GatewayInstance;
import gx.enrollment.gateway.support.KafkaTopics;
import gx.enrollment.gateway.support.SharedStubs;
import gx.enrollment.mocks.GovernmentStubs;
import gx.enrollment.mocks.population.Family;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whole gateway instances over one real PostgreSQL and one real Kafka: Kafka away for a while, a
 * process that stops between acknowledging and relaying, and two instances relaying one outbox.
 */
class GatewayInstancesTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String[] TOPICS = EmbeddedKafkaServer.TOPICS;

  private final GovernmentStubs stubs = SharedStubs.get();

  @Test
  void submissions_succeed_while_kafka_is_away_and_every_event_arrives_once_it_is_back() {
    int port = EmbeddedKafkaServer.freePort();
    Map<String, String> infrastructure =
        EmbeddedInfrastructure.properties("outage", "localhost:" + port);
    try (GatewayInstance gateway = GatewayInstance.start(infrastructure, stubs, Map.of())) {
      Set<String> applications = submitEach(gateway.client(), families(0, 3));

      assertThat(unsent(gateway)).isEqualTo(9);
      try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(port)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> unsent(gateway) == 0);

        List<ConsumerRecord<String, String>> events = eventsOf(kafka, applications);
        assertThat(events).hasSize(9);
        assertThat(eventIds(events)).doesNotHaveDuplicates();
      }
    }
  }

  @Test
  void events_acknowledged_before_a_process_stopped_are_relayed_after_restart() {
    Map<String, String> infrastructure = EmbeddedInfrastructure.properties("restart");
    Set<String> applications;
    try (GatewayInstance first =
        GatewayInstance.start(
            infrastructure, stubs, Map.of("enrollment.events.relay.enabled", "false"))) {
      applications = submitEach(first.client(), families(3, 2));
      assertThat(unsent(first)).isEqualTo(6);
    }

    try (GatewayInstance second = GatewayInstance.start(infrastructure, stubs, Map.of())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> unsent(second) == 0);
    }
    List<ConsumerRecord<String, String>> events =
        eventsOf(EmbeddedKafkaServer.shared(), applications);
    assertThat(events).hasSize(6);
    assertThat(eventIds(events)).doesNotHaveDuplicates();
  }

  @Test
  void two_instances_relay_one_outbox_without_publishing_an_event_twice() {
    Map<String, String> infrastructure = EmbeddedInfrastructure.properties("pair");
    try (GatewayInstance a = GatewayInstance.start(infrastructure, stubs, Map.of());
        GatewayInstance b = GatewayInstance.start(infrastructure, stubs, Map.of())) {
      List<Family> families = families(5, 12);
      Set<String> applications = new HashSet<>();
      for (int i = 0; i < families.size(); i++) {
        WebTestClient client = i % 2 == 0 ? a.client() : b.client();
        applications.addAll(submitEach(client, List.of(families.get(i))));
      }

      await().atMost(Duration.ofSeconds(60)).until(() -> unsent(a) == 0);
      List<ConsumerRecord<String, String>> events =
          eventsOf(EmbeddedKafkaServer.shared(), applications);
      assertThat(events).hasSize(applications.size() * 3);
      assertThat(eventIds(events)).doesNotHaveDuplicates();
      Map<String, List<String>> statusesByApplication =
          events.stream()
              .filter(r -> r.topic().equals("enrollment.application.status-changed"))
              .collect(
                  Collectors.groupingBy(
                      ConsumerRecord::key,
                      Collectors.mapping(
                          r -> JSON.readTree(r.value()).at("/payload/to").asText(),
                          Collectors.toList())));
      assertThat(statusesByApplication.values())
          .allSatisfy(
              statuses -> assertThat(statuses).containsExactly("RECEIVED", "PENDING_ACCEPTANCE"));
    }
  }

  private List<Family> families(int skip, int count) {
    return stubs.population().families().stream()
        .filter(f -> f.key().startsWith("gen-"))
        .skip(skip)
        .limit(count)
        .toList();
  }

  private static Set<String> submitEach(WebTestClient client, Collection<Family> families) {
    Set<String> ids = new HashSet<>();
    for (Family family : families) {
      JsonNode answer =
          client
              .post()
              .uri("/api/v1/verifications")
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(Families.submission(family, null))
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(JsonNode.class)
              .returnResult()
              .getResponseBody();
      ids.add(answer.get("applicationId").asText());
    }
    return ids;
  }

  private static long unsent(GatewayInstance gateway) {
    return gateway
        .database()
        .sql("select count(*) from outbox where sent_at is null")
        .map((row, meta) -> row.get(0, Long.class))
        .one()
        .block(Duration.ofSeconds(10));
  }

  private static List<ConsumerRecord<String, String>> eventsOf(
      EmbeddedKafkaServer kafka, Set<String> applications) {
    return new ArrayList<>(
        KafkaTopics.readAll(kafka.bootstrapServers(), Duration.ofMillis(500), TOPICS).stream()
            .filter(r -> applications.contains(r.key()))
            .toList());
  }

  private static List<String> eventIds(List<ConsumerRecord<String, String>> events) {
    Function<ConsumerRecord<String, String>, String> id =
        r -> JSON.readTree(r.value()).get("eventId").asText();
    return events.stream().map(id).toList();
  }
}
