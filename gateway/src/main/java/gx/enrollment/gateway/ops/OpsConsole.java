package gx.enrollment.gateway.ops;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.gateway.ops.ConsoleView.Breaker;
import gx.enrollment.gateway.ops.ConsoleView.LatencyMinute;
import gx.enrollment.gateway.ops.ConsoleView.OutboxBacklog;
import gx.enrollment.gateway.ops.ConsoleView.RecentVerification;
import gx.enrollment.gateway.ops.ConsoleView.SourceCard;
import gx.enrollment.gateway.ops.ConsoleView.SourceStatus;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;

/**
 * Reads the console's view: the breakers from memory, everything else from PostgreSQL in four small
 * queries run side by side — latency percentiles per source and minute and the failure reasons
 * (both over {@code source_query_audit}, by its {@code queried_at} index), the outbox backlog (its
 * partial index of unsent rows) and the last verifications (by their completion index). Nothing
 * here writes.
 */
public final class OpsConsole {

  /** How far back latency and reasons reach. */
  static final Duration WINDOW = Duration.ofMinutes(15);

  /** How many verifications the console lists. */
  static final int RECENT = 20;

  private final DatabaseClient db;
  private final TransactionalOperator snapshot;
  private final SourceConnectors connectors;
  private final Clock clock;

  /**
   * @param snapshot a read-only, repeatable-read transaction (see {@link #snapshotDefinition()})
   */
  public OpsConsole(
      DatabaseClient db, TransactionalOperator snapshot, SourceConnectors connectors, Clock clock) {
    this.db = db;
    this.snapshot = snapshot;
    this.connectors = connectors;
    this.clock = clock;
  }

  /** The transaction the four queries share. */
  public static TransactionDefinition snapshotDefinition() {
    DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
    definition.setReadOnly(true);
    definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    definition.setName("ops-console");
    return definition;
  }

  /** The view as it stands now. */
  public Mono<ConsoleView> view() {
    return Mono.defer(
        () -> {
          OffsetDateTime now = OffsetDateTime.now(clock);
          OffsetDateTime since = now.minus(WINDOW);
          // One connection, one query at a time, one snapshot.
          return latency(since)
              .flatMap(
                  latency ->
                      reasons(since)
                          .flatMap(
                              reasons ->
                                  outbox(now)
                                      .flatMap(
                                          outbox ->
                                              recent()
                                                  .map(
                                                      recent ->
                                                          new ConsoleView(
                                                              now,
                                                              (int) WINDOW.toMinutes(),
                                                              cards(latency, reasons),
                                                              outbox,
                                                              recent)))))
              .as(snapshot::transactional);
        });
  }

  private List<SourceCard> cards(
      Map<Source, List<LatencyMinute>> latency, Map<Source, Map<String, Long>> reasons) {
    List<SourceCard> cards = new ArrayList<>();
    for (Source source : Source.values()) {
      List<LatencyMinute> minutes = latency.getOrDefault(source, List.of());
      Map<String, Long> failures = reasons.getOrDefault(source, Map.of());
      long calls = failures.getOrDefault(ALL_CALLS, 0L);
      Map<String, Long> shown = new LinkedHashMap<>(failures);
      shown.remove(ALL_CALLS);
      cards.add(
          new SourceCard(
              source.name(),
              source.label(),
              breaker(connectors.circuitBreaker(source)),
              minutes,
              shown,
              calls));
    }
    return cards;
  }

  static Breaker breaker(CircuitBreaker breaker) {
    CircuitBreaker.Metrics metrics = breaker.getMetrics();
    CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();
    return new Breaker(
        breaker.getState().name(),
        rate(metrics.getFailureRate()),
        rate(metrics.getSlowCallRate()),
        metrics.getNumberOfBufferedCalls(),
        metrics.getNumberOfFailedCalls(),
        metrics.getNumberOfSlowCalls(),
        metrics.getNumberOfNotPermittedCalls(),
        config.getMinimumNumberOfCalls(),
        config.getFailureRateThreshold(),
        config.getSlowCallRateThreshold());
  }

  /** Resilience4j says -1 until the breaker has its minimum number of calls. */
  private static @Nullable Float rate(float rate) {
    return rate < 0 ? null : rate;
  }

  private Mono<Map<Source, List<LatencyMinute>>> latency(OffsetDateTime since) {
    return db.sql(
            """
            select source, date_trunc('minute', queried_at) as minute, count(*) as calls,
              percentile_cont(0.5) within group (order by latency_ms) as p50,
              percentile_cont(0.9) within group (order by latency_ms) as p90,
              percentile_cont(0.99) within group (order by latency_ms) as p99
            from source_query_audit
            where queried_at >= :since
              and (reason is null or reason not in ('CIRCUIT_OPEN', 'REJECTED'))
            group by source, minute
            order by source, minute
            """)
        .bind("since", since)
        .map(
            (row, meta) ->
                Map.entry(
                    text(row.get("source", String.class)),
                    new LatencyMinute(
                        at(row.get("minute", OffsetDateTime.class)),
                        number(row.get("calls", Long.class)),
                        decimal(row.get("p50", Double.class)),
                        decimal(row.get("p90", Double.class)),
                        decimal(row.get("p99", Double.class)))))
        .all()
        .collectList()
        .map(
            rows -> {
              Map<Source, List<LatencyMinute>> bySource = new EnumMap<>(Source.class);
              for (var row : rows) {
                Source source = sourceNamed(row.getKey());
                if (source != null) {
                  bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(row.getValue());
                }
              }
              return bySource;
            });
  }

  /** The key under which {@link #reasons} counts every query of a source. */
  private static final String ALL_CALLS = "";

  private Mono<Map<Source, Map<String, Long>>> reasons(OffsetDateTime since) {
    // grouping sets: per source the count of every query, and per source and reason the
    // unavailable ones, in one pass over the window.
    return db.sql(
            """
            select source, case when grouping(reason) = 0 then reason end as reason,
              count(*) as calls
            from (select source, coalesce(reason, status) as reason, status
                  from source_query_audit where queried_at >= :since) q
            group by grouping sets ((source), (source, reason))
            having grouping(reason) = 1 or min(status) = 'UNAVAILABLE'
            order by source, calls desc, reason
            """)
        .bind("since", since)
        .map(
            (row, meta) ->
                new Object[] {
                  text(row.get("source", String.class)),
                  row.get("reason", String.class),
                  number(row.get("calls", Long.class))
                })
        .all()
        .collectList()
        .map(
            rows -> {
              Map<Source, Map<String, Long>> bySource = new EnumMap<>(Source.class);
              for (Object[] row : rows) {
                Source source = sourceNamed((String) row[0]);
                if (source != null) {
                  String reason = row[1] == null ? ALL_CALLS : (String) row[1];
                  bySource
                      .computeIfAbsent(source, s -> new LinkedHashMap<>())
                      .put(reason, (Long) row[2]);
                }
              }
              return bySource;
            });
  }

  private Mono<OutboxBacklog> outbox(OffsetDateTime now) {
    return db.sql(
            "select count(*) as unsent, min(created_at) as oldest from outbox where sent_at is null")
        .map(
            (row, meta) -> {
              long unsent = number(row.get("unsent", Long.class));
              OffsetDateTime oldest = row.get("oldest", OffsetDateTime.class);
              if (oldest == null) {
                return new OutboxBacklog(unsent, null, null);
              }
              long age = Math.max(0, Duration.between(oldest, now).toSeconds());
              return new OutboxBacklog(unsent, at(oldest), age);
            })
        .one();
  }

  private Mono<List<RecentVerification>> recent() {
    return db.sql(
            """
            select r.id, r.outcome, r.completed_at, a.reference, a.region_code, a.form_type,
              a.stage, a.channel,
              (select string_agg(s.source || ':' || s.status || coalesce(':' || s.reason, ''), ',')
                 from source_results s where s.verification_id = r.id) as statuses
            from verification_reports r join applications a on a.id = r.application_id
            order by r.completed_at desc
            limit :limit
            """)
        .bind("limit", RECENT)
        .map(
            (row, meta) ->
                new RecentVerification(
                    text(row.get("id", String.class)),
                    text(row.get("reference", String.class)),
                    text(row.get("region_code", String.class)),
                    text(row.get("form_type", String.class)),
                    text(row.get("stage", String.class)),
                    text(row.get("channel", String.class)),
                    text(row.get("outcome", String.class)),
                    at(row.get("completed_at", OffsetDateTime.class)),
                    statuses(row.get("statuses", String.class))))
        .all()
        .collectList();
  }

  /** {@code HOUSEHOLD:OK,REAL_ESTATE:UNAVAILABLE:TIMEOUT} in the sources' own order. */
  static List<SourceStatus> statuses(@Nullable String joined) {
    if (joined == null || joined.isEmpty()) {
      return List.of();
    }
    List<SourceStatus> statuses = new ArrayList<>();
    for (String one : joined.split(",")) {
      String[] parts = one.split(":", 3);
      statuses.add(new SourceStatus(parts[0], parts[1], parts.length > 2 ? parts[2] : null));
    }
    statuses.sort(Comparator.comparingInt(status -> order(status.source())));
    return List.copyOf(statuses);
  }

  private static int order(String source) {
    Source known = sourceNamed(source);
    return known == null ? Integer.MAX_VALUE : known.ordinal();
  }

  private static @Nullable Source sourceNamed(String name) {
    for (Source source : Source.values()) {
      if (source.name().equals(name)) {
        return source;
      }
    }
    return null;
  }

  private OffsetDateTime at(@Nullable OffsetDateTime time) {
    if (time == null) {
      throw new IllegalStateException("a not-null timestamp column was null");
    }
    return time.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static long number(@Nullable Long value) {
    return value == null ? 0 : value;
  }

  private static double decimal(@Nullable Double value) {
    return value == null ? 0 : Math.round(value * 10) / 10.0;
  }
}
