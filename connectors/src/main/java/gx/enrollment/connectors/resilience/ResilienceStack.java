package gx.enrollment.connectors.resilience;

import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.connectors.UnavailableReason;
import gx.enrollment.connectors.settings.SourceSettings;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The resilience of one source: its bulkhead, time limiter, circuit breaker and retry, applied to
 * every query in one fixed order, innermost first:
 *
 * <ol>
 *   <li><b>bulkhead</b> around each request, so that a permit is held only while a request is in
 *       flight (never during a backoff) and a full bulkhead refuses at once;
 *   <li><b>time limiter</b> ({@code attempt-timeout}) around that, so a slow request is abandoned
 *       and its permit returned;
 *   <li><b>circuit breaker</b> around that, so it records every attempt, timeouts included, and an
 *       open breaker refuses before any permit or connection is taken;
 *   <li><b>Retry-After guard</b>: a 429/503 asking for a wait longer than {@code max-retry-after}
 *       or past the deadline becomes a non-retryable {@link RetryAfterRefusedException};
 *   <li><b>retry</b> outside all of them, so each retry is a fresh attempt that the breaker sees
 *       and the bulkhead admits anew, and only transient failures are retried;
 *   <li><b>deadline</b> ({@link QueryContext#deadline()}) outermost, cutting retries and backoffs
 *       alike, so the answer never comes later.
 * </ol>
 *
 * <p>Every outcome becomes a {@link SourceResult}: the returned {@code Mono} never errors.
 */
public final class ResilienceStack {

  private static final Logger log = LoggerFactory.getLogger(ResilienceStack.class);

  private final Source source;
  private final Bulkhead bulkhead;
  private final TimeLimiter timeLimiter;
  private final CircuitBreaker circuitBreaker;
  private final Retry retry;
  private final Duration maxRetryAfter;
  private final Clock clock;

  /** The kind of the last failure the breaker recorded, for the line that says why it opened. */
  private volatile String lastFailure = "none";

  private ResilienceStack(Source source, SourceSettings settings, Clock clock) {
    String name = source.key();
    this.source = source;
    this.bulkhead = Bulkhead.of(name, ResilienceConfigs.bulkhead(settings.bulkhead()));
    this.timeLimiter =
        TimeLimiter.of(name, ResilienceConfigs.timeLimiter(settings.attemptTimeout()));
    this.circuitBreaker =
        CircuitBreaker.of(name, ResilienceConfigs.circuitBreaker(settings.circuitBreaker(), clock));
    this.retry = Retry.of(name, ResilienceConfigs.retry(settings.retry()));
    this.maxRetryAfter = settings.retry().maxRetryAfter();
    this.clock = clock;
    logStateChanges();
  }

  /**
   * Builds the stack of {@code source}.
   *
   * @param clock the clock deadlines are measured against and the circuit breaker waits by; tests
   *     pass a clock they can move
   */
  public static ResilienceStack of(Source source, SourceSettings settings, Clock clock) {
    return new ResilienceStack(source, settings, clock);
  }

  /**
   * Runs {@code attempt} under the stack and reads its value with {@code interpret}.
   *
   * @param attempt one request to the source; subscribed once per attempt, so it must be cold
   * @param interpret reads a successful answer; throws {@link BadResponseException} when the answer
   *     is not as documented (read outside the breaker and never retried)
   */
  public <T> Mono<SourceResult> call(
      QueryContext context, Mono<T> attempt, Function<? super T, SourceAnswer> interpret) {
    return Mono.defer(
        () -> {
          Duration remaining = Duration.between(clock.instant(), context.deadline());
          if (remaining.isNegative() || remaining.isZero()) {
            return Mono.just(SourceResult.unavailable(source, UnavailableReason.TIMEOUT, 0, 0));
          }
          CallMeter meter = new CallMeter();
          return guarded(attempt, meter)
              .onErrorMap(failure -> refuseWaitBeyondReach(failure, context.deadline()))
              .transformDeferred(RetryOperator.of(retry))
              .map(interpret)
              .map(answer -> ok(answer, meter))
              .timeout(remaining)
              // handle, not map/doOnNext: with limited context propagation the caller's request
              // id reaches the logging MDC only in handle and tap
              .onErrorResume(
                  failure ->
                      Mono.just(failure)
                          .<SourceResult>handle((f, sink) -> sink.next(unavailable(f, meter))))
              .handle(
                  (result, sink) -> {
                    logResult(context, result);
                    sink.next(result);
                  });
        });
  }

  private <T> Mono<T> guarded(Mono<T> attempt, CallMeter meter) {
    return Mono.defer(
            () -> {
              meter.attemptStarted();
              return attempt;
            })
        .transformDeferred(BulkheadOperator.of(bulkhead))
        .transformDeferred(TimeLimiterOperator.of(timeLimiter))
        .transformDeferred(CircuitBreakerOperator.of(circuitBreaker));
  }

  private Throwable refuseWaitBeyondReach(Throwable failure, Instant deadline) {
    if (!(failure instanceof UpstreamStatusException status) || status.retryAfter().isEmpty()) {
      return failure;
    }
    Duration wait = status.retryAfter().get();
    if (wait.compareTo(maxRetryAfter) > 0) {
      return RetryAfterRefusedException.beyondLimit(source, wait, maxRetryAfter, status);
    }
    if (!clock.instant().plus(wait).isBefore(deadline)) {
      return RetryAfterRefusedException.beyondDeadline(source, wait, status);
    }
    return failure;
  }

  private SourceResult ok(SourceAnswer answer, CallMeter meter) {
    return SourceResult.ok(
        source, meter.latencyMs(), meter.attempts(), answer.checks(), answer.details());
  }

  private SourceResult unavailable(Throwable failure, CallMeter meter) {
    UnavailableReason reason = Failures.reasonFor(failure);
    if (Failures.isAnticipated(failure)) {
      // Expected under load or outages; the breaker's state changes are logged at INFO.
      log.debug("{} unavailable ({}): {}", source.key(), reason, failure.toString());
    } else {
      log.warn("{} unavailable ({}): unexpected failure", source.key(), reason, failure);
    }
    return SourceResult.unavailable(source, reason, meter.latencyMs(), meter.attempts());
  }

  private void logResult(QueryContext context, SourceResult result) {
    log.debug(
        "{} request {}: {} {} after {} attempt(s), {} ms",
        source.key(),
        context.requestId(),
        result.status(),
        result.reason() == null ? "" : result.reason(),
        result.attempts(),
        result.latencyMs());
  }

  private void logStateChanges() {
    // Why a breaker opens, from the events of the check that opened it: under many concurrent
    // calls the window read after the transition has already moved on.
    circuitBreaker
        .getEventPublisher()
        .onError(event -> lastFailure = event.getThrowable().getClass().getSimpleName())
        .onFailureRateExceeded(
            event ->
                log.info(
                    "{} circuit breaker: failure rate {} % reached the threshold (last failure: {})",
                    source.key(), event.getFailureRate(), lastFailure))
        .onSlowCallRateExceeded(
            event ->
                log.info(
                    "{} circuit breaker: slow-call rate {} % reached the threshold",
                    source.key(), event.getSlowCallRate()))
        .onStateTransition(
            event ->
                log.info(
                    "{} circuit breaker: {}", source.key(), event.getStateTransition().toString()));
    retry
        .getEventPublisher()
        .onRetry(
            event ->
                log.debug(
                    "{} retry #{} in {} after {}",
                    source.key(),
                    event.getNumberOfRetryAttempts(),
                    event.getWaitInterval(),
                    String.valueOf(event.getLastThrowable())));
  }

  /** The source this stack guards. */
  public Source source() {
    return source;
  }

  /** The circuit breaker, e.g. to report its state in health checks. */
  public CircuitBreaker circuitBreaker() {
    return circuitBreaker;
  }

  public Bulkhead bulkhead() {
    return bulkhead;
  }

  public Retry retry() {
    return retry;
  }

  public TimeLimiter timeLimiter() {
    return timeLimiter;
  }
}
