package gx.enrollment.gateway.edge;

import gx.enrollment.gateway.web.ProblemException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client (Bucket4j, in memory, lock-free): each call takes one token; a client
 * with none left gets {@code 429} with {@code Retry-After} (whole seconds until a token is back),
 * and other clients are not affected. Sizes from {@code config/clients.yml}.
 *
 * <p>Ours rather than the gateway's {@code RequestRateLimiter} factory, which answers an empty
 * {@code 429} without {@code Retry-After} and whose only built-in limiter needs Redis.
 */
public class ClientRateLimitFilter implements GlobalFilter, Ordered {

  static final int ORDER = 300;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private record Budget(EdgeProperties.RateLimit limit, Bucket bucket) {}

  private volatile Map<String, Budget> budgets = Map.of();

  public ClientRateLimitFilter(EdgeProperties properties) {
    replace(properties);
  }

  /**
   * Takes the limits of a valid new {@code config/clients.yml}: a client whose limit did not change
   * keeps its bucket (and what it has spent), a changed or new one starts full.
   */
  public synchronized void replace(EdgeProperties properties) {
    Map<String, Budget> previous = budgets;
    Map<String, Budget> next = new HashMap<>();
    properties
        .clients()
        .forEach(
            (id, client) -> {
              EdgeProperties.RateLimit limit =
                  client.rateLimit() == null ? properties.defaultRateLimit() : client.rateLimit();
              Budget kept = previous.get(id);
              next.put(
                  id,
                  kept != null && kept.limit().equals(limit)
                      ? kept
                      : new Budget(limit, bucket(limit)));
            });
    budgets = Map.copyOf(next);
  }

  static Bucket bucket(EdgeProperties.RateLimit limit) {
    // A greedy refill of the whole capacity over capacity / rate seconds: rate tokens a second.
    Duration period =
        Duration.ofNanos(
            Math.max(1, Math.round(limit.capacity() / limit.refillPerSecond() * NANOS_PER_SECOND)));
    return Bucket.builder()
        .addLimit(
            bandwidth ->
                bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), period))
        .build();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    Caller caller = Caller.of(exchange);
    Budget budget = caller == null ? null : budgets.get(caller.clientId());
    if (budget == null) {
      return chain.filter(exchange);
    }
    Bucket bucket = budget.bucket();
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      exchange
          .getResponse()
          .getHeaders()
          .set("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
      return chain.filter(exchange);
    }
    long seconds =
        Math.max(1, (probe.getNanosToWaitForRefill() + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return Mono.error(ProblemException.tooManyRequests(caller.clientId(), seconds));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
