package gx.enrollment.connectors.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * When to stop calling a source that keeps failing, and when to try it again. The breaker counts
 * every attempt (not every query) in a count-based sliding window; timeouts, connection errors,
 * 5xx, 429 and non-JSON bodies are failures, while 400/401 and our own full bulkhead are not held
 * against the source.
 *
 * @param failureRateThreshold percentage (1–100) of failed calls in the window at which the breaker
 *     opens
 * @param slowCallRateThreshold percentage (1–100) of slow calls in the window at which the breaker
 *     opens
 * @param slowCallDuration a call taking longer than this counts as slow
 * @param slidingWindowSize how many of the most recent calls the rates are computed over
 * @param minimumNumberOfCalls how many calls the window must hold before a rate is computed at all
 *     (capped at {@code slidingWindowSize})
 * @param waitDurationInOpenState how long the breaker stays open (refusing every call at once)
 *     before it lets probe calls through
 * @param permittedCallsInHalfOpenState how many probe calls decide whether the breaker closes again
 */
public record CircuitBreakerSettings(
    @Min(1) @Max(100) int failureRateThreshold,
    @Min(1) @Max(100) int slowCallRateThreshold,
    @NotNull @MinDuration(millis = 1) Duration slowCallDuration,
    @Min(1) int slidingWindowSize,
    @Min(1) int minimumNumberOfCalls,
    @NotNull @MinDuration(millis = 1) Duration waitDurationInOpenState,
    @Min(1) int permittedCallsInHalfOpenState) {}
