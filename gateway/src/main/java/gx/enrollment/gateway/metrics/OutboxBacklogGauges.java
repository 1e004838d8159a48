package gx.enrollment.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outbox's backlog as two gauges, {@value #BACKLOG} (unsent rows) and {@value #OLDEST_AGE}
 * (seconds since the oldest unsent row was written, 0 when none waits). A gauge is read on the
 * scrape's thread, which must not wait for the database; so one reactive query every {@code
 * interval} updates two numbers and the gauges only read them. While the database cannot be reached
 * the last values stay (and {@value #POLL_FAILURES} counts the failed reads).
 */
public final class OutboxBacklogGauges implements SmartLifecycle {

  public static final String BACKLOG = "enrollment.outbox.backlog";
  public static final String OLDEST_AGE = "enrollment.outbox.oldest.age";
  public static final String POLL_FAILURES = "enrollment.outbox.poll.failures";

  private static final Logger log = LoggerFactory.getLogger(OutboxBacklogGauges.class);

  private final DatabaseClient db;
  private final Clock clock;
  private final Duration interval;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestAgeSeconds = new AtomicLong();
  private final Counter pollFailures;
  private @Nullable Disposable loop;

  public OutboxBacklogGauges(
      DatabaseClient db, MeterRegistry registry, Clock clock, Duration interval) {
    this.db = db;
    this.clock = clock;
    this.interval = interval;
    Gauge.builder(BACKLOG, backlog, AtomicLong::get)
        .description("Outbox events not yet acknowledged by Kafka")
        .register(registry);
    Gauge.builder(OLDEST_AGE, oldestAgeSeconds, AtomicLong::get)
        .description("Age of the oldest outbox event not yet acknowledged by Kafka")
        .baseUnit("seconds")
        .register(registry);
    this.pollFailures =
        Counter.builder(POLL_FAILURES)
            .description("Failed reads of the outbox backlog (the gauges keep their last values)")
            .register(registry);
  }

  /** Reads the backlog once and updates the gauges; never fails. */
  public Mono<Void> refresh() {
    return db.sql(
            "select count(*) as backlog, min(created_at) as oldest from outbox"
                + " where sent_at is null")
        .map(
            (row, meta) -> {
              Long count = row.get("backlog", Long.class);
              OffsetDateTime oldest = row.get("oldest", OffsetDateTime.class);
              backlog.set(count == null ? 0 : count);
              oldestAgeSeconds.set(oldest == null ? 0 : age(oldest.toInstant()));
              return Boolean.TRUE;
            })
        .one()
        .then()
        .onErrorResume(
            error -> {
              pollFailures.increment();
              log.debug("outbox backlog not read: {}", error.toString());
              return Mono.empty();
            });
  }

  /** Unsent rows at the last read. */
  public long backlog() {
    return backlog.get();
  }

  /** Seconds since the oldest unsent row was written, at the last read. */
  public long oldestAgeSeconds() {
    return oldestAgeSeconds.get();
  }

  private long age(Instant createdAt) {
    return Math.max(0, Duration.between(createdAt, clock.instant()).toSeconds());
  }

  @Override
  public synchronized void start() {
    if (loop == null) {
      loop =
          Flux.interval(Duration.ZERO, interval)
              .onBackpressureDrop()
              .concatMap(tick -> refresh(), 1)
              .subscribe(
                  null, error -> log.warn("outbox backlog gauges stopped: {}", error.toString()));
    }
  }

  @Override
  public synchronized void stop() {
    if (loop != null) {
      loop.dispose();
      loop = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return loop != null;
  }

  /** Stopped before the database's connection pool is closed. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
