package gx.enrollment.gateway.metrics;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.connectors.resilience.ResilienceStack;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;

/**
 * One source's health, read from its circuit breaker at every call (so a stack rebuilt by a
 * configuration reload is seen at once): {@code UP} while the breaker is closed, {@value
 * #CIRCUIT_OPEN} while it is open (or forced open), {@value #CIRCUIT_HALF_OPEN} while it lets trial
 * calls through, {@code UNKNOWN} when it is disabled.
 *
 * <p>Those two statuses are deliberately not {@code DOWN}: a source that fails never fails the
 * application (its results say {@code UNAVAILABLE} and the reviewer checks the materials), so it
 * must not turn {@code /actuator/health} or the readiness probe to 503 and make a load balancer
 * pull every instance at once — all instances' breakers open together when a source goes down.
 * Boot's status aggregation ignores statuses outside {@code
 * management.endpoint.health.status.order}, so these never lower the overall status; they are what
 * the console and alerts read.
 */
final class SourceHealthIndicator implements ReactiveHealthIndicator {

  static final String CIRCUIT_OPEN = "CIRCUIT_OPEN";
  static final String CIRCUIT_HALF_OPEN = "CIRCUIT_HALF_OPEN";

  private final Source source;
  private final SourceConnectors connectors;

  SourceHealthIndicator(Source source, SourceConnectors connectors) {
    this.source = source;
    this.connectors = connectors;
  }

  @Override
  public Mono<Health> health() {
    return Mono.fromSupplier(this::read);
  }

  private Health read() {
    ResilienceStack stack = connectors.resilience(source);
    CircuitBreaker breaker = stack.circuitBreaker();
    CircuitBreaker.State state = breaker.getState();
    CircuitBreaker.Metrics calls = breaker.getMetrics();
    Bulkhead.Metrics bulkhead = stack.bulkhead().getMetrics();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("source", source.name());
    details.put("label", source.label());
    details.put("state", state.name());
    // Resilience4j answers -1 until the window holds minimum-number-of-calls calls.
    details.put("failureRate", rate(calls.getFailureRate()));
    details.put("slowCallRate", rate(calls.getSlowCallRate()));
    details.put("bufferedCalls", calls.getNumberOfBufferedCalls());
    details.put("failedCalls", calls.getNumberOfFailedCalls());
    details.put("slowCalls", calls.getNumberOfSlowCalls());
    details.put("notPermittedCalls", calls.getNumberOfNotPermittedCalls());
    details.put(
        "failureRateThreshold", breaker.getCircuitBreakerConfig().getFailureRateThreshold());
    details.put(
        "slowCallRateThreshold", breaker.getCircuitBreakerConfig().getSlowCallRateThreshold());
    details.put("bulkheadAvailableCalls", bulkhead.getAvailableConcurrentCalls());
    details.put("bulkheadMaxCalls", bulkhead.getMaxAllowedConcurrentCalls());
    return Health.status(status(state)).withDetails(details).build();
  }

  static Status status(CircuitBreaker.State state) {
    switch (state) {
      case CLOSED:
        return Status.UP;
      case OPEN:
      case FORCED_OPEN:
        return new Status(CIRCUIT_OPEN, "the circuit breaker refuses calls to this source");
      case HALF_OPEN:
        return new Status(CIRCUIT_HALF_OPEN, "the circuit breaker lets trial calls through");
      default:
        return Status.UNKNOWN;
    }
  }

  /** A percentage, or words saying the window is still too short to tell. */
  private static Object rate(float percent) {
    return percent < 0 ? "not enough calls" : percent;
  }
}
