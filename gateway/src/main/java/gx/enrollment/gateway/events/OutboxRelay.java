package gx.enrollment.gateway.events;

import gx.enrollment.gateway.events.UnsentEvents.UnsentEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Carries committed outbox rows to Kafka. Each pass is one database transaction that takes the free
 * lanes, claims their oldest unsent rows, publishes them in id order and marks them sent; if
 * publishing fails, the transaction rolls back and the rows wait for a later pass, after a growing
 * pause. Any number of instances may relay over one database: a lane (and so an application's
 * events) is relayed by one transaction at a time, and a row by one only.
 *
 * <p>Runs from the application's start to its shutdown as a {@link SmartLifecycle} (unless {@code
 * enrollment.events.relay.enabled=false}); on stop, a pass in flight is allowed to finish.
 */
public final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final UnsentEvents unsent;
  private final TransactionalOperator transactions;
  private final EventPublisher publisher;
  private final EventsProperties.Relay settings;
  private final RelayBackoff backoff;

  private @Nullable Loop loop;
  private int consecutiveFailures;

  public OutboxRelay(
      DatabaseClient database,
      ReactiveTransactionManager transactionManager,
      EventPublisher publisher,
      EventsProperties.Relay settings) {
    this.unsent = new UnsentEvents(database, settings.lanes());
    this.transactions = TransactionalOperator.create(transactionManager);
    this.publisher = publisher;
    this.settings = settings;
    this.backoff = new RelayBackoff(settings.interval(), settings.maxBackoff());
  }

  /**
   * Runs one pass and emits how many events it relayed (0 when there was nothing, or every lane was
   * busy with another relay). Fails, after recording the failure on the rows, if publishing or the
   * database failed; those rows stay unsent.
   */
  public Mono<Integer> relayOnce() {
    return Mono.defer(
        () -> {
          // What this pass claimed, so a failure can be noted on the rows after the rollback.
          List<Long> claimed = new ArrayList<>();
          return transactions
              // Inside the transaction, so a pass that overruns is rolled back before the
              // failure is noted on its rows (rows still locked would be skipped).
              .transactional(claimAndPublish(claimed).timeout(settings.passTimeout()))
              // A safety net for a begin or commit that never answers.
              .timeout(settings.passTimeout().multipliedBy(2))
              .onErrorResume(error -> recordFailure(claimed, error).then(Mono.error(error)));
        });
  }

  /** How many events wait to be relayed. */
  public Mono<Long> backlog() {
    return unsent.count();
  }

  private Mono<Integer> claimAndPublish(List<Long> claimed) {
    return unsent
        .takeLanes()
        .flatMap(
            lanes ->
                lanes.isEmpty() ? Mono.just(List.<UnsentEvent>of()) : unsent.claim(lanes, batch()))
        .flatMap(
            rows -> {
              if (rows.isEmpty()) {
                return Mono.just(0);
              }
              rows.forEach(row -> claimed.add(row.id()));
              List<OutboxEvent> events = rows.stream().map(UnsentEvent::event).toList();
              return publisher
                  .publish(events)
                  .then(unsent.markSent(List.copyOf(claimed)))
                  .thenReturn(rows.size());
            });
  }

  private Mono<Void> recordFailure(List<Long> claimed, Throwable error) {
    if (claimed.isEmpty()) {
      return Mono.empty();
    }
    return unsent
        .recordFailure(List.copyOf(claimed), describe(error))
        // The pass's own failure is what gets reported; this note is only a courtesy to operators.
        .onErrorComplete();
  }

  private int batch() {
    return settings.batchSize();
  }

  // ---- the loop -------------------------------------------------------------------------------

  @Override
  public boolean isAutoStartup() {
    return settings.enabled();
  }

  /**
   * Below the web server's phases: the relay starts before the server takes requests and stops
   * after it has drained them, so the events of the last requests are relayed before shutdown.
   */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  @Override
  public synchronized void start() {
    if (loop == null) {
      loop = new Loop();
      log.info("outbox relay started: {} lanes, batches of {}", settings.lanes(), batch());
    }
  }

  /** Stops after the pass in flight, if any, and then runs {@code callback}. */
  @Override
  public synchronized void stop(Runnable callback) {
    Loop stopping = loop;
    loop = null;
    if (stopping == null) {
      callback.run();
    } else {
      stopping.stopAfterPass(callback);
    }
  }

  /** Stops at once; a pass in flight is rolled back and its events are relayed again later. */
  @Override
  public synchronized void stop() {
    Loop stopping = loop;
    loop = null;
    if (stopping != null) {
      stopping.abandon();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return loop != null;
  }

  /** One pass and the pause after it: short after success, growing after failures. */
  private Mono<Duration> passThenPause() {
    return relayOnce()
        .map(
            relayed -> {
              if (consecutiveFailures > 0) {
                log.info("outbox relay recovered after {} failed passes", consecutiveFailures);
                consecutiveFailures = 0;
              }
              return relayed >= batch() ? Duration.ZERO : settings.interval();
            })
        .onErrorResume(
            error -> {
              consecutiveFailures++;
              Duration pause =
                  backoff.after(consecutiveFailures, ThreadLocalRandom.current().nextDouble());
              log.warn(
                  "outbox relay pass failed ({} in a row), next in {} ms: {}",
                  consecutiveFailures,
                  pause.toMillis(),
                  describe(error));
              // The trace helps with an unexpected failure; an outage would only repeat it.
              log.debug("outbox relay pass failure", error);
              return Mono.just(pause);
            });
  }

  /**
   * No event contents, keys or ids: only the failure's kind and the broker's or database's message.
   */
  private static String describe(Throwable error) {
    return error instanceof EventPublishingException
        ? error.getMessage()
        : error.getClass().getSimpleName() + ": " + error.getMessage();
  }

  /** A running loop of passes, until asked to stop. */
  private final class Loop {

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Sinks.Empty<Void> stopSignal = Sinks.empty();
    private final Sinks.Empty<Void> stopped = Sinks.empty();
    private final Disposable subscription;

    Loop() {
      Mono<Void> interrupted = stopSignal.asMono();
      subscription =
          passThenPause()
              // A pause ends early when stop is asked; a pass is never cut short by it.
              .flatMap(pause -> Mono.delay(pause).then().or(interrupted))
              .repeat(() -> !stopping.get())
              .doFinally(signal -> stopped.tryEmitEmpty())
              .subscribe(
                  null,
                  error -> log.error("outbox relay stopped unexpectedly: {}", error.toString()));
    }

    void stopAfterPass(Runnable callback) {
      stopped.asMono().subscribe(null, null, callback);
      stopping.set(true);
      stopSignal.tryEmitEmpty();
    }

    void abandon() {
      stopping.set(true);
      subscription.dispose();
    }
  }
}
