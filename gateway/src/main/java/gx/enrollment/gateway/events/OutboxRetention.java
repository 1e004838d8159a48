package gx.enrollment.gateway.events;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes outbox rows that Kafka acknowledged longer ago than {@code keep-sent}. Once relayed, a
 * row serves nothing: Kafka keeps the event, and the status history and audit chain keep the change
 * it announced. Without this, the table grows by about three rows per submission for ever. Unsent
 * rows are never touched, however old.
 *
 * <p>Runs every {@code interval} on every instance. Instances deleting at once is harmless: each
 * statement deletes at most {@link #BATCH} rows, so no transaction is long and no lock is held
 * long. A pass that fails (database away) is logged, and the next interval tries again.
 */
public final class OutboxRetention implements SmartLifecycle {

  /** The most rows one statement deletes. */
  static final int BATCH = 5_000;

  private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

  private final DatabaseClient db;
  private final EventsProperties.Retention settings;
  private final Clock clock;
  private @Nullable Disposable loop;

  public OutboxRetention(DatabaseClient db, EventsProperties.Retention settings, Clock clock) {
    this.db = db;
    this.settings = settings;
    this.clock = clock;
  }

  /** Deletes every row sent before now minus {@code keep-sent}; emits how many it deleted. */
  public Mono<Long> purge() {
    var cutoff = clock.instant().minus(settings.keepSent()).atOffset(ZoneOffset.UTC);
    return deleteBatch(cutoff)
        .expand(deleted -> deleted < BATCH ? Mono.empty() : deleteBatch(cutoff))
        .reduce(0L, Long::sum)
        .doOnNext(
            total -> {
              if (total > 0) {
                log.info("deleted {} outbox rows Kafka acknowledged before {}", total, cutoff);
              }
            });
  }

  private Mono<Long> deleteBatch(OffsetDateTime cutoff) {
    return db.sql(
            """
            delete from outbox where id in (
              select id from outbox where sent_at < :cutoff order by id limit :batch)
            """)
        .bind("cutoff", cutoff)
        .bind("batch", BATCH)
        .fetch()
        .rowsUpdated();
  }

  @Override
  public synchronized void start() {
    if (loop == null && settings.enabled()) {
      loop =
          Flux.interval(settings.interval(), settings.interval())
              .onBackpressureDrop()
              .concatMap(
                  tick ->
                      purge()
                          .onErrorResume(
                              error -> {
                                log.warn("outbox retention pass failed: {}", error.toString());
                                return Mono.empty();
                              }),
                  1)
              .subscribe();
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
