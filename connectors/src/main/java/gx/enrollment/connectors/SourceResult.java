package gx.enrollment.connectors;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one source said about one submission: the checks it answered, or why it could not.
 *
 * @param reason {@code null} when the status is {@link SourceStatus#OK}
 * @param latencyMs wall time from the first attempt to the answer, 0 when not called
 * @param attempts how many requests were sent (0 when the breaker or bulkhead refused)
 */
public record SourceResult(
    Source source,
    SourceStatus status,
    @Nullable UnavailableReason reason,
    long latencyMs,
    int attempts,
    List<Check> checks,
    Map<Detail, String> details) {

  public SourceResult {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
    checks = List.copyOf(checks);
    // EnumMap keeps the details in the order of Detail, so reports read the same every time.
    details = details.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(details));
  }

  public static SourceResult ok(
      Source source,
      long latencyMs,
      int attempts,
      List<Check> checks,
      Map<Detail, String> details) {
    return new SourceResult(source, SourceStatus.OK, null, latencyMs, attempts, checks, details);
  }

  public static SourceResult unavailable(
      Source source, UnavailableReason reason, long latencyMs, int attempts) {
    return new SourceResult(
        source, SourceStatus.UNAVAILABLE, reason, latencyMs, attempts, List.of(), Map.of());
  }

  public static SourceResult skipped(Source source) {
    return new SourceResult(
        source, SourceStatus.SKIPPED, UnavailableReason.SKIPPED, 0, 0, List.of(), Map.of());
  }

  public boolean answered() {
    return status == SourceStatus.OK;
  }
}
