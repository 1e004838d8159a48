package gx.enrollment.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gx.enrollment.gateway.support.EmbeddedInfrastructure;
import gx.enrollment.gateway.support.EmbeddedKafkaServer;
import gx.enrollment.gateway.support.EmbeddedPostgresServer;
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

  @Test
  void while_postgresql_is_away_submissions_are_refused_with_503_and_nothing_is_lost() {
    Map<String, String> infrastructure = EmbeddedInfrastructure.properties("outagedb");
    String database = infrastructure.get("spring.flyway.url").replaceAll(".*/", "");
    try (GatewayInstance gateway = GatewayInstance.start(infrastructure, stubs, Map.of())) {
      Set<String> before = submitEach(gateway.client(), families(20, 1));

      cutConnections(gateway, database);
      try {
        gateway
            .client()
            .post()
            .uri("/api/v1/verifications")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Families.submission(families(21, 1).get(0), null))
            .exchange()
            .expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .valueEquals("Retry-After", "5")
            .expectBody()
            .jsonPath("$.type")
            .value(type -> assertThat(type.toString()).endsWith("/storage-unavailable"));
      } finally {
        allowConnections(database);
      }

      // Pooled connections that died with the outage fail once each and are replaced; a client
      // retrying (as the 503 asks) gets through within a few attempts.
      Map<String, Object> retried = Families.submission(families(21, 1).get(0), null);
      Set<String> after = new HashSet<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(300))
          .until(
              () -> {
                var result =
                    gateway
                        .client()
                        .post()
                        .uri("/api/v1/verifications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(retried)
                        .exchange()
                        .expectBody(JsonNode.class)
                        .returnResult();
                if (result.getStatus().value() == 200) {
                  after.add(result.getResponseBody().get("applicationId").asText());
                  return true;
                }
                assertThat(result.getStatus().value()).isEqualTo(503);
                return false;
              });
      long stored =
          gateway
              .database()
              .sql("select count(*) from applications")
              .map((row, meta) -> row.get(0, Long.class))
              .one()
              .block(Duration.ofSeconds(10));
      assertThat(stored).isEqualTo(before.size() + after.size());
    }
  }

  /** Makes {@code database} refuse connections and closes the ones open: PostgreSQL "gone". */
  private static void cutConnections(GatewayInstance gateway, String database) {
    adminSql("alter database " + database + " allow_connections false");
    adminSql(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
            + database
            + "'");
  }

  private static void allowConnections(String database) {
    adminSql("alter database " + database + " allow_connections true");
  }

  private static void adminSql(String sql) {
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
    try (var connection =
            java.sql.DriverManager.getConnection(
                postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
        var statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
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
