package gx.enrollment.connectors.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;

/**
 * How to reach one source and how hard to try.
 *
 * @param baseUrl scheme, host and port of the source (e.g. {@code https://hukou.gxga.example}); the
 *     documented paths such as {@code /hukou/v1/verify} are appended to it
 * @param token the per-source bearer secret sent as {@code Authorization: Bearer <token>}; in
 *     production supplied by the environment (e.g. {@code SOURCES_HOUSEHOLD_TOKEN}), never
 *     committed
 * @param connectTimeout how long to wait for a TCP connection before the attempt fails (retried)
 * @param attemptTimeout how long one attempt (one request) may take before it is abandoned and
 *     counted as a timeout; the whole query is additionally bounded by the verification's deadline
 * @param circuitBreaker when to stop calling a source that keeps failing
 * @param retry how often and how patiently to retry transient failures
 * @param bulkhead how many calls to this source may be in flight at once
 */
public record SourceSettings(
    @NotNull URI baseUrl,
    @NotBlank String token,
    @NotNull @MinDuration(millis = 1) Duration connectTimeout,
    @NotNull @MinDuration(millis = 1) Duration attemptTimeout,
    @Valid @NotNull CircuitBreakerSettings circuitBreaker,
    @Valid @NotNull RetrySettings retry,
    @Valid @NotNull BulkheadSettings bulkhead) {

  /** Never prints the token: settings end up in logs and error messages. */
  @Override
  public String toString() {
    return "SourceSettings[baseUrl="
        + baseUrl
        + ", token=***, connectTimeout="
        + connectTimeout
        + ", attemptTimeout="
        + attemptTimeout
        + ", circuitBreaker="
        + circuitBreaker
        + ", retry="
        + retry
        + ", bulkhead="
        + bulkhead
        + "]";
  }
}
