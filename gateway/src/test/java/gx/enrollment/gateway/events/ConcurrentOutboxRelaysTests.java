package gx.enrollment.gateway.events;

import static gx.enrollment.gateway.events.TestEvents.seq;
import static gx.enrollment.gateway.events.TestEvents.statusChange;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gx.enrollment.gateway.events.KafkaTopic.Delivered;
import gx.enrollment.gateway.support.EmbeddedKafkaServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Two gateway instances relaying one outbox to one broker at the same time, while changes keep
 * committing: no row is relayed by both, and each application's events arrive in order.
 */
class ConcurrentOutboxRelaysTests {

  private static final Logger log = LoggerFactory.getLogger(ConcurrentOutboxRelaysTests.class);

  private static final int APPLICATIONS = 50;
  private static final int EVENTS_EACH = 10;
  private static final int BACKLOG_EACH = 6;

  @Test
  void two_relays_deliver_every_event_once_and_each_applications_events_in_order()
      throws InterruptedException {
    String bootstrap = EmbeddedKafkaServer.shared().bootstrapServers();
    KafkaTopic topic = KafkaTopic.create(bootstrap, "concurrent", 4);
    List<UUID> applications =
        IntStream.range(0, APPLICATIONS).mapToObj(i -> UUID.randomUUID()).toList();
    try (OutboxDatabase database = OutboxDatabase.create();
        ReactorKafkaEventPublisher kafkaA =
            new ReactorKafkaEventPublisher(OutboxRelayTests.kafka(bootstrap, "instance-a"));
        ReactorKafkaEventPublisher kafkaB =
            new ReactorKafkaEventPublisher(OutboxRelayTests.kafka(bootstrap, "instance-b"))) {
      Outbox outbox = new Outbox(database.client, 16);
      // A backlog first, application by application, as after an outage: with batches of 7,
      // consecutive batches share an application, which two relays must not publish at once.
      Flux.fromIterable(applications)
          .concatMap(
              application ->
                  Flux.range(1, BACKLOG_EACH)
                      .concatMap(
                          seq ->
                              database.commit(
                                  outbox, statusChange(topic.name(), application, seq))))
          .blockLast(Duration.ofSeconds(30));
      CountingPublisher publisherA = new CountingPublisher(kafkaA);
      CountingPublisher publisherB = new CountingPublisher(kafkaB);
      OutboxRelay relayA = relay(database, publisherA);
      OutboxRelay relayB = relay(database, publisherB);
      relayA.start();
      relayB.start();
      try {
        // Then round by round while both relays drain: each application's events commit in
        // sequence order, the applications of one round concurrently.
        Flux.range(BACKLOG_EACH + 1, EVENTS_EACH - BACKLOG_EACH)
            .concatMap(
                seq ->
                    Flux.fromIterable(applications)
                        .flatMap(
                            application ->
                                database.commit(
                                    outbox, statusChange(topic.name(), application, seq)),
                            8))
            .blockLast(Duration.ofSeconds(30));
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> relayA.backlog().block(), backlog -> backlog == 0);
      } finally {
        stop(relayA);
        stop(relayB);
      }

      int total = APPLICATIONS * EVENTS_EACH;
      log.info(
          "relayed by instance A: {}, by B: {}", publisherA.published(), publisherB.published());
      assertThat(publisherA.published() + publisherB.published()).isEqualTo(total);
      assertThat(database.rows())
          .hasSize(total)
          .allSatisfy(
              row -> {
                assertThat(row.sentAt()).isNotNull();
                assertThat(row.attempts()).isEqualTo(1);
              });
      List<Delivered> delivered = topic.readAll();
      assertThat(delivered.stream().collect(groupingBy(Delivered::headerEventId, counting())))
          .hasSize(total)
          .allSatisfy((eventId, copies) -> assertThat(copies).isEqualTo(1L));
      Map<String, List<Integer>> seqsByApplication =
          delivered.stream()
              .collect(
                  groupingBy(
                      Delivered::key,
                      mapping(record -> seq(record.event(topic.name())), toList())));
      assertThat(seqsByApplication)
          .hasSize(APPLICATIONS)
          .allSatisfy(
              (application, seqs) ->
                  assertThat(seqs).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    }
  }

  private static OutboxRelay relay(OutboxDatabase database, EventPublisher publisher) {
    return new OutboxRelay(
        database.client,
        database.transactionManager,
        publisher,
        OutboxRelayTests.relaySettings(7, Duration.ofMillis(20), Duration.ofSeconds(1)));
  }

  private static void stop(OutboxRelay relay) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    relay.stop(stopped::countDown);
    assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
  }

  /** The real publisher, counting the events Kafka acknowledged through it. */
  private static final class CountingPublisher implements EventPublisher {

    private final EventPublisher delegate;
    private final AtomicInteger published = new AtomicInteger();

    CountingPublisher(EventPublisher delegate) {
      this.delegate = delegate;
    }

    @Override
    public Mono<Void> publish(List<OutboxEvent> batch) {
      return delegate.publish(batch).doOnSuccess(done -> published.addAndGet(batch.size()));
    }

    int published() {
      return published.get();
    }
  }
}
