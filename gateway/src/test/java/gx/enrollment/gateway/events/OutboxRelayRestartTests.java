package gx.enrollment.gateway.events;

import static gx.enrollment.gateway.events.TestEvents.statusChange;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gx.enrollment.gateway.events.KafkaTopic.Delivered;
import gx.enrollment.gateway.support.EmbeddedKafkaServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What a crash leaves behind is relayed by whoever starts next: events committed while no relay
 * ran, and the batch of a pass that never finished.
 */
class OutboxRelayRestartTests {

  private OutboxDatabase database;
  private Outbox outbox;
  private KafkaTopic topic;
  private List<OutboxEvent> written;

  @BeforeEach
  void commitEventsNobodyRelayed() {
    database = OutboxDatabase.create();
    outbox = new Outbox(database.client, 16);
    topic = KafkaTopic.create(EmbeddedKafkaServer.shared().bootstrapServers(), "restart", 2);
    written =
        IntStream.range(0, 20)
            .mapToObj(i -> statusChange(topic.name(), new UUID(7, i % 4), i))
            .toList();
    Flux.fromIterable(written).concatMap(event -> database.commit(outbox, event)).blockLast();
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void a_relay_started_later_delivers_the_events_committed_before_the_process_died()
      throws InterruptedException {
    try (ReactorKafkaEventPublisher publisher = newPublisher("restarted")) {
      OutboxRelay relay = relay(publisher, Duration.ofSeconds(20));

      relay.start();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> relay.backlog().block(), backlog -> backlog == 0);
      stop(relay);
    }

    assertDeliveredOnce();
  }

  @Test
  void a_pass_that_never_finishes_is_rolled_back_and_its_events_are_relayed_by_the_next()
      throws InterruptedException {
    EventPublisher hanging = batch -> Mono.never();
    OutboxRelay stuck = relay(hanging, Duration.ofMillis(500));

    StepVerifier.create(stuck.relayOnce())
        .expectError(TimeoutException.class)
        .verify(Duration.ofSeconds(10));
    assertThat(database.rows())
        .allSatisfy(
            row -> {
              assertThat(row.sentAt()).isNull();
              assertThat(row.attempts()).isEqualTo(1);
              assertThat(row.lastError()).startsWith("TimeoutException");
            });

    try (ReactorKafkaEventPublisher publisher = newPublisher("after-hang")) {
      OutboxRelay next = relay(publisher, Duration.ofSeconds(20));
      next.start();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> next.backlog().block(), backlog -> backlog == 0);
      stop(next);
    }
    assertDeliveredOnce();
  }

  @Test
  void says_it_runs_from_start_until_stopped() throws InterruptedException {
    OutboxRelay relay = relay(batch -> Mono.empty(), Duration.ofSeconds(20));

    relay.start();
    boolean runningAfterStart = relay.isRunning();
    stop(relay);

    assertThat(runningAfterStart).isTrue();
    assertThat(relay.isRunning()).isFalse();
  }

  private void assertDeliveredOnce() {
    List<Delivered> delivered = topic.readAll();
    assertThat(delivered.stream().collect(groupingBy(Delivered::headerEventId, counting())))
        .containsOnlyKeys(written.stream().map(OutboxEvent::eventId).toList())
        .allSatisfy((eventId, copies) -> assertThat(copies).isEqualTo(1L));
    assertThat(database.rows()).allSatisfy(row -> assertThat(row.sentAt()).isNotNull());
  }

  private OutboxRelay relay(EventPublisher publisher, Duration passTimeout) {
    return new OutboxRelay(
        database.client,
        database.transactionManager,
        publisher,
        new EventsProperties.Relay(
            true, Duration.ofMillis(50), 100, Duration.ofSeconds(1), passTimeout, 16));
  }

  private static ReactorKafkaEventPublisher newPublisher(String clientId) {
    return new ReactorKafkaEventPublisher(
        OutboxRelayTests.kafka(EmbeddedKafkaServer.shared().bootstrapServers(), clientId));
  }

  private static void stop(OutboxRelay relay) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    relay.stop(stopped::countDown);
    assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
  }
}
