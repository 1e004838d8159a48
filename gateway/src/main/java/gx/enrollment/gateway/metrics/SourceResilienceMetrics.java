package gx.enrollment.gateway.metrics;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.connectors.resilience.ResilienceStack;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetricsPublisher;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetricsPublisher;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetricsPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The resilience of every source on Micrometer: Resilience4j's own tagged meters ({@code
 * resilience4j.circuitbreaker.*}, {@code resilience4j.retry.calls}, {@code
 * resilience4j.bulkhead.*}, {@code resilience4j.timelimiter.calls}, tag {@code name} = the source's
 * key, e.g. {@code real-estate}) bound to the instances of each {@link ResilienceStack}, and three
 * event counters of ours tagged {@code source} (e.g. {@code REAL_ESTATE}):
 *
 * <ul>
 *   <li>{@value #BREAKER_TRANSITIONS} ({@code from}, {@code to}) — every state change of a breaker;
 *   <li>{@value #RETRIES} — every retry of an attempt (not the first attempt);
 *   <li>{@value #BULKHEAD_REJECTIONS} — every request refused because the bulkhead was full.
 * </ul>
 *
 * <p>A stack rebuilt at run time (a configuration reload) is moved over with {@link
 * #rebind(ResilienceStack, ResilienceStack)}: Resilience4j's meters are per instance and would
 * otherwise keep reading the old one.
 */
public final class SourceResilienceMetrics {

  public static final String BREAKER_TRANSITIONS = "enrollment.source.breaker.transitions";
  public static final String RETRIES = "enrollment.source.retries";
  public static final String BULKHEAD_REJECTIONS = "enrollment.source.bulkhead.rejections";

  private final MeterRegistry registry;
  private final TaggedCircuitBreakerMetricsPublisher breakers;
  private final TaggedRetryMetricsPublisher retries;
  private final TaggedBulkheadMetricsPublisher bulkheads;
  private final TaggedTimeLimiterMetricsPublisher timeLimiters;

  public SourceResilienceMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.breakers = new TaggedCircuitBreakerMetricsPublisher(registry);
    this.retries = new TaggedRetryMetricsPublisher(registry);
    this.bulkheads = new TaggedBulkheadMetricsPublisher(registry);
    this.timeLimiters = new TaggedTimeLimiterMetricsPublisher(registry);
  }

  /** Binds the stacks of all four sources. */
  public void bindAll(SourceConnectors connectors) {
    for (Source source : Source.values()) {
      bind(connectors.resilience(source));
    }
  }

  /** Publishes the meters of {@code stack} and counts its events. */
  public synchronized void bind(ResilienceStack stack) {
    Source source = stack.source();
    breakers.publishMetrics(stack.circuitBreaker());
    retries.publishMetrics(stack.retry());
    bulkheads.publishMetrics(stack.bulkhead());
    timeLimiters.publishMetrics(stack.timeLimiter());

    Counter retried = counter(RETRIES, "Retries of source requests", source);
    Counter rejected =
        counter(BULKHEAD_REJECTIONS, "Source requests refused by a full bulkhead", source);
    // The automatic transitions exist from the start (at 0); forced ones appear when they happen.
    transitions(source, CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN);
    transitions(source, CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);
    transitions(source, CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.CLOSED);
    transitions(source, CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.OPEN);
    stack
        .circuitBreaker()
        .getEventPublisher()
        .onStateTransition(
            event ->
                transitions(
                        source,
                        event.getStateTransition().getFromState(),
                        event.getStateTransition().getToState())
                    .increment());
    stack.retry().getEventPublisher().onRetry(event -> retried.increment());
    stack.bulkhead().getEventPublisher().onCallRejected(event -> rejected.increment());
  }

  /**
   * Moves the Resilience4j meters of a source from {@code old} to its replacement. The counters of
   * ours go on counting the events of both (calls in flight finish on the old stack).
   */
  public synchronized void rebind(ResilienceStack old, ResilienceStack replacement) {
    breakers.removeMetrics(old.circuitBreaker());
    retries.removeMetrics(old.retry());
    bulkheads.removeMetrics(old.bulkhead());
    timeLimiters.removeMetrics(old.timeLimiter());
    bind(replacement);
  }

  private Counter transitions(Source source, CircuitBreaker.State from, CircuitBreaker.State to) {
    return Counter.builder(BREAKER_TRANSITIONS)
        .description("State changes of the sources' circuit breakers")
        .tag("source", source.name())
        .tag("from", from.name())
        .tag("to", to.name())
        .register(registry);
  }

  private Counter counter(String name, String description, Source source) {
    return Counter.builder(name)
        .description(description)
        .tag("source", source.name())
        .register(registry);
  }
}
