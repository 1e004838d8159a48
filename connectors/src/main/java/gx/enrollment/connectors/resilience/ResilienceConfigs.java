package gx.enrollment.connectors.resilience;

import gx.enrollment.connectors.settings.BulkheadSettings;
import gx.enrollment.connectors.settings.CircuitBreakerSettings;
import gx.enrollment.connectors.settings.RetrySettings;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Clock;
import java.time.Duration;

/** Translates our settings records into Resilience4j configurations; nothing else. */
final class ResilienceConfigs {

  private ResilienceConfigs() {}

  static CircuitBreakerConfig circuitBreaker(CircuitBreakerSettings settings, Clock clock) {
    return CircuitBreakerConfig.custom()
        .slidingWindowType(SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.slidingWindowSize())
        .minimumNumberOfCalls(
            Math.min(settings.minimumNumberOfCalls(), settings.slidingWindowSize()))
        .failureRateThreshold(settings.failureRateThreshold())
        .slowCallRateThreshold(settings.slowCallRateThreshold())
        .slowCallDurationThreshold(settings.slowCallDuration())
        .waitDurationInOpenState(settings.waitDurationInOpenState())
        .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
        // Open → half-open happens on the next call after the wait, so no timer thread is needed.
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .ignoreException(Failures::isOurSide)
        // The breaker reads this clock to decide when the wait in the open state is over.
        .clock(clock)
        .build();
  }

  static TimeLimiterConfig timeLimiter(Duration attemptTimeout) {
    return TimeLimiterConfig.custom().timeoutDuration(attemptTimeout).build();
  }

  static BulkheadConfig bulkhead(BulkheadSettings settings) {
    return BulkheadConfig.custom()
        .maxConcurrentCalls(settings.maxConcurrentCalls())
        // Must stay zero: the Reactor bulkhead operator acquires its permit synchronously, so any
        // wait here would block an event-loop thread; a full bulkhead rejects at once instead.
        .maxWaitDuration(Duration.ZERO)
        .build();
  }

  /**
   * Retries transient failures only, after an exponential, jittered backoff; a failure that carries
   * {@code Retry-After} waits exactly that long instead (the stack has already refused waits that
   * are too long or end after the deadline).
   */
  static RetryConfig retry(RetrySettings settings) {
    IntervalFunction backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            settings.initialBackoff(),
            settings.backoffMultiplier(),
            settings.randomizationFactor(),
            settings.maxBackoff());
    IntervalBiFunction<Object> interval =
        (attempt, outcome) -> {
          if (outcome.isLeft()
              && outcome.getLeft() instanceof UpstreamStatusException status
              && status.retryAfter().isPresent()) {
            return status.retryAfter().get().toMillis();
          }
          return backoff.apply(attempt);
        };
    return RetryConfig.<Object>custom()
        .maxAttempts(settings.maxAttempts())
        .intervalBiFunction(interval)
        .retryOnException(Failures::isTransient)
        .build();
  }
}
