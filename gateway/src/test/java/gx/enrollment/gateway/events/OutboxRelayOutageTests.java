package gx.enrollment.gateway.events;

import static gx.enrollment.gateway.events.TestEvents.statusChange;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gx.enrollment.gateway.events.KafkaTopic.Delivered;
import gx.enrollment.gateway.support.EmbeddedKafkaServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Kafka away for a while: passes fail quickly, nothing is lost or marked sent, and once a broker
 * answers on the configured address every event arrives, each exactly once.
 */
class OutboxRelayOutageTests {

  @Test
  void keeps_every_event_through_a_kafka_outage_and_delivers_each_once_when_kafka_returns()
      throws InterruptedException {
    int port = EmbeddedKafkaServer.freePort();
    EventsProperties.Kafka impatient =
        new EventsProperties.Kafka(
            "localhost:" + port,
            "outage-tests",
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofMillis(500),
            Map.of());
    List<OutboxEvent> written = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      UUID application = new UUID(0, i % 8);
      String topic =
          i % 2 == 0 ? EventTopics.APPLICATION_STATUS_CHANGED : EventTopics.VERIFICATION_COMPLETED;
      written.add(statusChange(topic, application, i));
    }
    try (OutboxDatabase database = OutboxDatabase.create();
        ReactorKafkaEventPublisher publisher = new ReactorKafkaEventPublisher(impatient)) {
      Outbox outbox = new Outbox(database.client, 16);
      Flux.fromIterable(written).concatMap(event -> database.commit(outbox, event)).blockLast();
      OutboxRelay relay =
          new OutboxRelay(
              database.client,
              database.transactionManager,
              publisher,
              OutboxRelayTests.relaySettings(100, Duration.ofMillis(50), Duration.ofMillis(400)));

      StepVerifier.create(relay.relayOnce())
          .expectError(EventPublishingException.class)
          .verify(Duration.ofSeconds(10));
      assertThat(database.rows())
          .hasSize(40)
          .allSatisfy(
              row -> {
                assertThat(row.sentAt()).isNull();
                assertThat(row.attempts()).isEqualTo(1);
                assertThat(row.lastError()).startsWith("publishing 40 events failed");
              });

      relay.start();
      try {
        await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(
                () ->
                    assertThat(database.rows())
                        .allSatisfy(row -> assertThat(row.attempts()).isGreaterThanOrEqualTo(3)));
        assertThat(relay.backlog().block()).isEqualTo(40L);

        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(port)) {
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> relay.backlog().block(), backlog -> backlog == 0);
          stop(relay);

          List<Delivered> delivered = new ArrayList<>();
          for (String topic : EmbeddedKafkaServer.TOPICS) {
            delivered.addAll(new KafkaTopic(kafka.bootstrapServers(), topic).readAll());
          }
          Map<UUID, Long> copiesByEventId =
              delivered.stream().collect(groupingBy(Delivered::headerEventId, counting()));
          assertThat(copiesByEventId.keySet())
              .containsExactlyInAnyOrderElementsOf(
                  written.stream().map(OutboxEvent::eventId).toList());
          assertThat(copiesByEventId.values()).containsOnly(1L);
          assertThat(database.rows()).allSatisfy(row -> assertThat(row.sentAt()).isNotNull());
        }
      } finally {
        relay.stop();
      }
    }
  }

  private static void stop(OutboxRelay relay) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    relay.stop(stopped::countDown);
    assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
  }
}
