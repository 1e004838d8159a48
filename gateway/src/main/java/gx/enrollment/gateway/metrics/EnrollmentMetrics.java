package gx.enrollment.gateway.metrics;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.gateway.verification.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The application's own meters, named {@code enrollment.*} (Prometheus shows them as {@code
 * enrollment_..._total}, {@code enrollment_..._seconds_bucket} and so on). One instance per
 * application; the features that count something get it injected and call one method per event.
 */
public final class EnrollmentMetrics {

  /** Every verification assembled into a report, by {@code outcome}. */
  public static final String VERIFICATIONS = "enrollment.verifications";

  /** Every queried source's answer, by {@code source}, {@code status} and {@code reason}. */
  public static final String SOURCE_RESULTS = "enrollment.source.results";

  /** A queried source's latency (first attempt to answer), by {@code source} and {@code status}. */
  public static final String SOURCE_LATENCY = "enrollment.source.latency";

  /** Events the outbox relay handed to Kafka and Kafka acknowledged. */
  public static final String EVENTS_PUBLISHED = "enrollment.events.published";

  /** Batches of events Kafka did not acknowledge (they stay in the outbox and are sent again). */
  public static final String PUBLISH_FAILURES = "enrollment.events.publish.failures";

  /** SMS notices sent, by {@code outcome}: {@code SENT}, {@code FAILED}, {@code UNCERTAIN}. */
  public static final String SMS_SENDS = "enrollment.sms.sends";

  /** The reason tag of an answered source (the API has no reason for {@code OK}). */
  static final String NO_REASON = "NONE";

  private final MeterRegistry registry;

  public EnrollmentMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Known series exist from the start, so dashboards and alerts see 0 instead of no data.
    for (Outcome outcome : Outcome.values()) {
      verifications(outcome);
    }
    for (String outcome : new String[] {"SENT", "FAILED", "UNCERTAIN"}) {
      smsSends(outcome);
    }
    publishFailures();
    eventsPublished();
  }

  /** Meters kept in memory only, for code run outside the application (tests, tools). */
  public static EnrollmentMetrics inMemory() {
    return new EnrollmentMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** A verification produced a report with this outcome. */
  public void verified(Outcome outcome) {
    verifications(outcome).increment();
  }

  /** A source was queried and answered (or could not be asked) with this result. */
  public void sourceAnswered(SourceResult result) {
    Source source = result.source();
    String status = result.status().name();
    String reason = result.reason() == null ? NO_REASON : result.reason().name();
    Counter.builder(SOURCE_RESULTS)
        .description("Results of the source queries, by source, status and reason")
        .tag("source", source.name())
        .tag("status", status)
        .tag("reason", reason)
        .register(registry)
        .increment();
    Timer.builder(SOURCE_LATENCY)
        .description("Latency of the source queries (retries included), by source and status")
        .tag("source", source.name())
        .tag("status", status)
        .publishPercentileHistogram()
        // Per instance, over the last ~2 minutes: for the operator console (/actuator/metrics);
        // across instances, compute percentiles from the histogram's buckets instead.
        .publishPercentiles(0.5, 0.95, 0.99)
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry)
        .record(result.latencyMs(), TimeUnit.MILLISECONDS);
  }

  /** Kafka acknowledged a batch of {@code events}. */
  public void eventsPublished(int events) {
    eventsPublished().increment(events);
  }

  /** Kafka did not acknowledge a batch: it stays in the outbox. */
  public void publishFailed() {
    publishFailures().increment();
  }

  /** An SMS notice ended in {@code outcome}: {@code SENT}, {@code FAILED} or {@code UNCERTAIN}. */
  public void smsSent(String outcome) {
    smsSends(outcome).increment();
  }

  private Counter verifications(Outcome outcome) {
    return Counter.builder(VERIFICATIONS)
        .description("Verifications assembled into a report, by outcome")
        .tag("outcome", outcome.name())
        .register(registry);
  }

  private Counter smsSends(String outcome) {
    return Counter.builder(SMS_SENDS)
        .description("SMS notices sent to guardians, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  private Counter eventsPublished() {
    return Counter.builder(EVENTS_PUBLISHED)
        .description("Outbox events acknowledged by Kafka")
        .register(registry);
  }

  private Counter publishFailures() {
    return Counter.builder(PUBLISH_FAILURES)
        .description("Outbox batches Kafka did not acknowledge (relayed again later)")
        .register(registry);
  }
}
