package gx.enrollment.gateway.events;

import static gx.enrollment.gateway.events.TestEvents.JSON;
import static gx.enrollment.gateway.events.TestEvents.seq;
import static gx.enrollment.gateway.events.TestEvents.statusChange;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.events.KafkaTopic.Delivered;
import gx.enrollment.gateway.support.EmbeddedKafkaServer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * The outbox and its relay on real PostgreSQL and a real Kafka broker: what a committed transaction
 * writes reaches Kafka once, as the documented envelope, keyed and ordered by application; what
 * rolled back never does.
 */
class OutboxRelayTests {

  private static final Duration WITHIN = Duration.ofSeconds(15);
  private static final int LANES = 16;

  private static ReactorKafkaEventPublisher publisher;

  private OutboxDatabase database;
  private Outbox outbox;
  private KafkaTopic topic;

  @BeforeAll
  static void startPublisher() {
    publisher =
        new ReactorKafkaEventPublisher(
            kafka(EmbeddedKafkaServer.shared().bootstrapServers(), "relay-tests"));
  }

  @AfterAll
  static void closePublisher() {
    publisher.close();
  }

  @BeforeEach
  void freshOutboxAndTopic() {
    database = OutboxDatabase.create();
    outbox = new Outbox(database.client, LANES);
    topic = KafkaTopic.create(EmbeddedKafkaServer.shared().bootstrapServers(), "relay", 3);
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void publishes_a_committed_event_once_keyed_by_its_application_as_a_versioned_envelope() {
    UUID applicationId = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    OutboxEvent event =
        OutboxEvent.of(
            eventId,
            topic.name(),
            EventTypes.APPLICATION_STATUS_CHANGED,
            applicationId,
            OffsetDateTime.parse("2024-07-01T09:30:00+08:00"),
            JSON.createObjectNode().put("from", "RECEIVED").put("to", "VERIFYING"));
    database.commit(outbox, event).block();

    StepVerifier.create(relay(100).relayOnce()).expectNext(1).verifyComplete();
    StepVerifier.create(relay(100).relayOnce()).expectNext(0).verifyComplete();

    List<Delivered> delivered = topic.readAll();
    assertThat(delivered).hasSize(1);
    Delivered record = delivered.get(0);
    assertThat(record.key()).isEqualTo(applicationId.toString());
    assertThat(record.headerEventId()).isEqualTo(eventId);
    JsonNode expected =
        JSON.readTree(
            """
            {"eventId":"%s","type":"ApplicationStatusChanged","version":1,
             "occurredAt":"2024-07-01T09:30:00+08:00","applicationId":"%s",
             "payload":{"from":"RECEIVED","to":"VERIFYING"}}
            """
                .formatted(eventId, applicationId));
    assertThat(JSON.readTree(record.value())).isEqualTo(expected);
    assertThat(database.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.sentAt()).isNotNull();
              assertThat(row.attempts()).isEqualTo(1);
              assertThat(row.lastError()).isNull();
            });
  }

  @Test
  void never_publishes_an_event_whose_transaction_rolled_back() {
    UUID applicationId = UUID.randomUUID();
    OutboxEvent committed = statusChange(topic.name(), applicationId, 1);
    OutboxEvent rolledBack = statusChange(topic.name(), applicationId, 2);
    database.commit(outbox, committed).block();
    StepVerifier.create(database.rollBack(outbox, rolledBack))
        .expectErrorMessage("the change failed after its events")
        .verify(WITHIN);

    StepVerifier.create(relay(100).relayOnce()).expectNext(1).verifyComplete();

    assertThat(topic.readAll())
        .extracting(Delivered::headerEventId)
        .containsExactly(committed.eventId());
    assertThat(database.rows())
        .extracting(OutboxDatabase.Row::eventId)
        .containsExactly(committed.eventId());
  }

  @Test
  void publishes_the_events_of_each_application_in_the_order_they_were_written() {
    List<UUID> applications = IntStream.range(0, 8).mapToObj(i -> UUID.randomUUID()).toList();
    List<OutboxEvent> written = new ArrayList<>();
    for (int seq = 1; seq <= 6; seq++) {
      for (UUID application : applications) {
        written.add(statusChange(topic.name(), application, seq));
      }
    }
    Flux.fromIterable(written).concatMap(event -> database.commit(outbox, event)).blockLast();

    // Batches of 5 over 48 events: ten passes, each a transaction of its own.
    OutboxRelay relay = relay(5);
    List<Integer> passes = new ArrayList<>();
    for (int pass = 0; pass < 10; pass++) {
      passes.add(relay.relayOnce().block(WITHIN));
    }

    assertThat(passes).containsExactly(5, 5, 5, 5, 5, 5, 5, 5, 5, 3);
    List<Delivered> delivered = topic.readAll();
    assertThat(delivered)
        .extracting(Delivered::headerEventId)
        .containsExactlyInAnyOrderElementsOf(written.stream().map(OutboxEvent::eventId).toList());
    Map<String, List<Integer>> seqsByApplication =
        delivered.stream()
            .collect(
                groupingBy(
                    Delivered::key, mapping(record -> seq(record.event(topic.name())), toList())));
    assertThat(seqsByApplication).hasSize(applications.size());
    assertThat(seqsByApplication.values()).allSatisfy(seqs -> assertThat(seqs).isSorted());
    assertThat(
            delivered.stream()
                .collect(groupingBy(Delivered::key, mapping(Delivered::partition, toSet()))))
        .allSatisfy((key, partitions) -> assertThat(partitions).hasSize(1));
  }

  @Test
  void counts_unsent_events_as_backlog_until_they_are_relayed() {
    UUID applicationId = UUID.randomUUID();
    database
        .commit(
            outbox,
            statusChange(topic.name(), applicationId, 1),
            statusChange(topic.name(), applicationId, 2),
            statusChange(topic.name(), applicationId, 3))
        .block();
    OutboxRelay relay = relay(100);

    StepVerifier.create(relay.backlog()).expectNext(3L).verifyComplete();
    StepVerifier.create(relay.relayOnce()).expectNext(3).verifyComplete();
    StepVerifier.create(relay.backlog()).expectNext(0L).verifyComplete();
  }

  @Test
  void writes_all_events_of_one_application_to_the_same_lane() {
    UUID applicationId = UUID.randomUUID();

    database
        .commit(
            outbox,
            statusChange(topic.name(), applicationId, 1),
            statusChange(topic.name(), applicationId, 2))
        .block();

    assertThat(database.rows())
        .extracting(OutboxDatabase.Row::lane)
        .containsOnly((short) EventLanes.of(applicationId.toString(), LANES));
  }

  @Test
  void refuses_an_event_too_large_for_kafka_inside_the_callers_transaction() {
    String tooLong = "x".repeat(Outbox.MAX_ENVELOPE_BYTES);
    OutboxEvent huge =
        OutboxEvent.of(
            UUID.randomUUID(),
            topic.name(),
            EventTypes.VERIFICATION_COMPLETED,
            UUID.randomUUID(),
            OffsetDateTime.now(),
            JSON.createObjectNode().put("report", tooLong));

    StepVerifier.create(database.commit(outbox, huge))
        .expectError(IllegalArgumentException.class)
        .verify(WITHIN);

    assertThat(database.rows()).isEmpty();
  }

  private OutboxRelay relay(int batchSize) {
    return new OutboxRelay(
        database.client,
        database.transactionManager,
        publisher,
        relaySettings(batchSize, Duration.ofMillis(50), Duration.ofSeconds(1)));
  }

  static EventsProperties.Relay relaySettings(
      int batchSize, Duration interval, Duration maxBackoff) {
    return new EventsProperties.Relay(
        true, interval, batchSize, maxBackoff, Duration.ofSeconds(20), LANES);
  }

  static EventsProperties.Kafka kafka(String bootstrapServers, String clientId) {
    return new EventsProperties.Kafka(
        bootstrapServers,
        clientId,
        Duration.ofSeconds(3),
        Duration.ofSeconds(6),
        Duration.ofSeconds(3),
        Map.of());
  }
}
