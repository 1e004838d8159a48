package gx.enrollment.gateway.ops;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the operator console shows, as {@code GET /api/v1/ops/console} answers it. Holds no name, ID
 * number or phone: verifications are shown by their application's reference and region only.
 *
 * @param generatedAt when this view was read
 * @param windowMinutes how far back {@link SourceCard#latency()} and {@link SourceCard#reasons()}
 *     reach
 */
public record ConsoleView(
    OffsetDateTime generatedAt,
    int windowMinutes,
    List<SourceCard> sources,
    OutboxBacklog outbox,
    List<RecentVerification> recent) {

  /**
   * One government source.
   *
   * @param latency per minute of the window with calls that reached the source (calls refused by an
   *     open breaker or a full bulkhead are left out: they took no time and would hide the source's
   *     own latency)
   * @param reasons how many queries in the window were {@code UNAVAILABLE}, by reason
   * @param calls queries in the window, whatever their status
   */
  public record SourceCard(
      String source,
      String label,
      Breaker breaker,
      List<LatencyMinute> latency,
      Map<String, Long> reasons,
      long calls) {}

  /**
   * The source's circuit breaker as it stands in this gateway instance.
   *
   * @param state {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, {@code FORCED_OPEN}, {@code
   *     DISABLED}, {@code METRICS_ONLY}
   * @param failureRate percent of the buffered calls that failed; absent until the breaker has
   *     {@code minimumNumberOfCalls}
   * @param slowCallRate percent of the buffered calls slower than the slow-call duration; absent
   *     likewise
   */
  public record Breaker(
      String state,
      @Nullable Float failureRate,
      @Nullable Float slowCallRate,
      int bufferedCalls,
      int failedCalls,
      int slowCalls,
      long notPermittedCalls,
      int minimumNumberOfCalls,
      float failureRateThreshold,
      float slowCallRateThreshold) {}

  /** Latency percentiles, in milliseconds, of the calls that started in one minute. */
  public record LatencyMinute(
      OffsetDateTime minute, long calls, double p50, double p90, double p99) {}

  /**
   * Outbox rows not yet relayed to Kafka.
   *
   * @param oldestAgeSeconds how long the oldest of them has waited; absent when none waits
   */
  public record OutboxBacklog(
      long unsent, @Nullable OffsetDateTime oldestCreatedAt, @Nullable Long oldestAgeSeconds) {}

  /** One verification report, masked: no names, ID numbers or phones. */
  public record RecentVerification(
      String verificationId,
      String reference,
      String regionCode,
      String formType,
      String stage,
      String channel,
      String outcome,
      OffsetDateTime completedAt,
      List<SourceStatus> sources) {}

  /** What one source answered in a verification. */
  public record SourceStatus(String source, String status, @Nullable String reason) {}
}
