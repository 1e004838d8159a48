package gx.enrollment.connectors.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.connectors.Check;
import gx.enrollment.connectors.CheckResult;
import gx.enrollment.connectors.Fact;
import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.connectors.SourceStatus;
import gx.enrollment.connectors.UnavailableReason;
import gx.enrollment.connectors.testing.MutableClock;
import gx.enrollment.connectors.testing.Results;
import gx.enrollment.connectors.testing.TestSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The stack alone, with attempts that fail as told and time that is virtual where it matters. */
class ResilienceStackUnitTests {

  private static final Source SOURCE = Source.HOUSEHOLD;
  private static final SourceAnswer ANSWER =
      new SourceAnswer(List.of(Check.of(Fact.CHILD_IDENTITY, CheckResult.MATCH)), Map.of());

  private final MutableClock clock = MutableClock.atSomeInstant();
  private final AtomicInteger requests = new AtomicInteger();

  static Stream<Arguments> failures() {
    return Stream.of(
        failure("503", () -> UpstreamStatusException.of(SOURCE, 503, null), "UPSTREAM_ERROR", 3),
        failure("500", () -> UpstreamStatusException.of(SOURCE, 500, null), "UPSTREAM_ERROR", 3),
        failure("429", () -> UpstreamStatusException.of(SOURCE, 429, null), "REJECTED", 3),
        failure("400", () -> UpstreamStatusException.of(SOURCE, 400, null), "UPSTREAM_ERROR", 1),
        failure("401", () -> UpstreamStatusException.of(SOURCE, 401, null), "UPSTREAM_ERROR", 1),
        failure(
            "connection reset",
            () -> UpstreamConnectionException.of(SOURCE, new java.io.IOException("reset")),
            "UPSTREAM_ERROR",
            3),
        failure("attempt timeout", TimeoutException::new, "TIMEOUT", 3),
        failure(
            "bad response",
            () -> BadResponseException.missingField(SOURCE, "status"),
            "BAD_RESPONSE",
            1),
        failure("unexpected bug", () -> new IllegalStateException("bug"), "UPSTREAM_ERROR", 1));
  }

  @ParameterizedTest(name = "{0} → {1} after {2} request(s)")
  @MethodSource("failures")
  void reports_each_failure_with_its_reason_and_retries_only_transient_ones(
      Supplier<Throwable> failure, UnavailableReason reason, int expectedRequests) {
    ResilienceStack stack = stack(TestSettings.against("http://unused").maxAttempts(3));

    SourceResult result = call(stack, failing(failure));

    assertThat(result.status()).isEqualTo(SourceStatus.UNAVAILABLE);
    assertThat(result.reason()).isEqualTo(reason);
    assertThat(result.attempts()).isEqualTo(expectedRequests);
    assertThat(requests).hasValue(expectedRequests);
  }

  @Test
  void reports_a_full_bulkhead_as_rejected_without_a_request() {
    ResilienceStack stack = stack(TestSettings.against("http://unused").maxConcurrentCalls(1));
    stack.bulkhead().tryAcquirePermission();

    SourceResult result = call(stack, answering());

    assertThat(result.reason()).isEqualTo(UnavailableReason.REJECTED);
    assertThat(result.attempts()).isZero();
    assertThat(requests).hasValue(0);
    assertThat(stack.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void refuses_without_a_request_while_the_breaker_is_open() {
    ResilienceStack stack = stack(TestSettings.against("http://unused"));
    stack.circuitBreaker().transitionToOpenState();

    SourceResult result = call(stack, answering());

    assertThat(result.reason()).isEqualTo(UnavailableReason.CIRCUIT_OPEN);
    assertThat(result.attempts()).isZero();
    assertThat(result.latencyMs()).isZero();
    assertThat(requests).hasValue(0);
  }

  @Test
  void shows_the_breaker_every_attempt_retries_included() {
    ResilienceStack stack =
        stack(TestSettings.against("http://unused").breakerWindow(4, 50).maxAttempts(2));
    Mono<String> unavailable = failing(() -> UpstreamStatusException.of(SOURCE, 503, null));

    call(stack, unavailable);
    call(stack, unavailable);

    assertThat(stack.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void reads_the_answer_once_and_never_retries_one_it_cannot_read() {
    ResilienceStack stack = stack(TestSettings.against("http://unused").maxAttempts(3));
    Function<String, SourceAnswer> unreadable =
        body -> {
          throw BadResponseException.undocumentedValue(SOURCE, "status", body);
        };

    SourceResult result = call(stack, answering(), unreadable);

    assertThat(result.reason()).isEqualTo(UnavailableReason.BAD_RESPONSE);
    assertThat(requests).hasValue(1);
  }

  @Test
  void reports_the_answer_with_attempts_and_source() {
    ResilienceStack stack = stack(TestSettings.against("http://unused"));

    SourceResult result = call(stack, answering());

    assertThat(result)
        .isEqualTo(
            SourceResult.ok(SOURCE, result.latencyMs(), 1, ANSWER.checks(), ANSWER.details()));
  }

  @Test
  void waits_an_exponential_backoff_between_retries() {
    ResilienceStack stack =
        stack(
            TestSettings.against("http://unused")
                .maxAttempts(3)
                .initialBackoff(Duration.ofMillis(100)));
    Mono<String> unavailable = failing(() -> UpstreamStatusException.of(SOURCE, 503, null));

    StepVerifier.withVirtualTime(() -> stack.call(deadlineIn(3), unavailable, body -> ANSWER))
        .expectSubscription()
        // requests at 0, 100 and 100 + 200 ms
        .expectNoEvent(Duration.ofMillis(299))
        .thenAwait(Duration.ofMillis(1))
        .assertNext(result -> assertThat(result.attempts()).isEqualTo(3))
        .verifyComplete();
  }

  @Test
  void waits_exactly_the_retry_after_the_source_asked_for() {
    ResilienceStack stack = stack(TestSettings.against("http://unused").maxAttempts(2));
    AtomicInteger calls = new AtomicInteger();
    Mono<String> busyOnce =
        Mono.defer(
            () ->
                calls.getAndIncrement() == 0
                    ? Mono.error(UpstreamStatusException.of(SOURCE, 429, Duration.ofSeconds(1)))
                    : Mono.just("{}"));

    StepVerifier.withVirtualTime(() -> stack.call(deadlineIn(3), busyOnce, body -> ANSWER))
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(999))
        .thenAwait(Duration.ofMillis(1))
        .assertNext(result -> assertThat(result.status()).isEqualTo(SourceStatus.OK))
        .verifyComplete();
  }

  @Test
  void gives_up_at_once_when_the_retry_after_would_end_after_the_deadline() {
    ResilienceStack stack =
        stack(TestSettings.against("http://unused").maxRetryAfter(Duration.ofSeconds(10)));

    SourceResult result =
        call(stack, failing(() -> UpstreamStatusException.of(SOURCE, 503, Duration.ofSeconds(4))));

    assertThat(result.reason()).isEqualTo(UnavailableReason.REJECTED);
    assertThat(requests).hasValue(1);
  }

  @Test
  void answers_by_the_deadline_when_the_source_never_answers() {
    ResilienceStack stack =
        stack(
            TestSettings.against("http://unused")
                .attemptTimeout(Duration.ofSeconds(1))
                .maxAttempts(10));

    StepVerifier.withVirtualTime(
            () -> stack.call(deadlineIn(3), Mono.<String>never(), body -> ANSWER))
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(2999))
        .thenAwait(Duration.ofMillis(1))
        .assertNext(
            result -> {
              assertThat(result.reason()).isEqualTo(UnavailableReason.TIMEOUT);
              assertThat(result.attempts()).isEqualTo(3);
            })
        .verifyComplete();
  }

  @Test
  void returns_the_bulkhead_permit_and_leaves_the_breaker_alone_when_the_deadline_cuts_a_call() {
    ResilienceStack stack =
        stack(
            TestSettings.against("http://unused")
                .maxConcurrentCalls(1)
                .attemptTimeout(Duration.ofSeconds(10)));

    StepVerifier.withVirtualTime(
            () -> stack.call(deadlineIn(3), Mono.<String>never(), body -> ANSWER))
        .expectSubscription()
        .thenAwait(Duration.ofSeconds(3))
        .assertNext(result -> assertThat(result.reason()).isEqualTo(UnavailableReason.TIMEOUT))
        .verifyComplete();

    assertThat(stack.bulkhead().getMetrics().getAvailableConcurrentCalls()).isEqualTo(1);
    assertThat(stack.circuitBreaker().getMetrics().getNumberOfBufferedCalls()).isZero();
  }

  private static Arguments failure(
      String name, Supplier<Throwable> failure, String reason, int requests) {
    return Arguments.of(Named.of(name, failure), UnavailableReason.valueOf(reason), requests);
  }

  private ResilienceStack stack(TestSettings settings) {
    return ResilienceStack.of(SOURCE, settings.build(), clock);
  }

  private QueryContext deadlineIn(int seconds) {
    return Results.within(Duration.ofSeconds(seconds), clock);
  }

  private Mono<String> failing(Supplier<Throwable> failure) {
    return Mono.defer(
        () -> {
          requests.incrementAndGet();
          return Mono.error(failure.get());
        });
  }

  private Mono<String> answering() {
    return Mono.fromSupplier(
        () -> {
          requests.incrementAndGet();
          return "{}";
        });
  }

  private SourceResult call(ResilienceStack stack, Mono<String> attempt) {
    return call(stack, attempt, body -> ANSWER);
  }

  private SourceResult call(
      ResilienceStack stack, Mono<String> attempt, Function<String, SourceAnswer> interpret) {
    SourceResult[] result = new SourceResult[1];
    StepVerifier.create(stack.call(deadlineIn(3), attempt, interpret))
        .consumeNextWith(next -> result[0] = next)
        .expectComplete()
        .verify(Duration.ofSeconds(5));
    return result[0];
  }
}
