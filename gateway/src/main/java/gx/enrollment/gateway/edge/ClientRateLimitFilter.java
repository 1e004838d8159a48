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

  private final Map<String, Bucket> buckets = new HashMap<>();

  public ClientRateLimitFilter(EdgeProperties properties) {
    properties
        .clients()
        .forEach(
            (id, client) -> {
              EdgeProperties.RateLimit limit =
                  client.rateLimit() == null ? properties.defaultRateLimit() : client.rateLimit();
              buckets.put(id, bucket(limit));
            });
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
    Bucket bucket = caller == null ? null : buckets.get(caller.clientId());
    if (bucket == null) {
      return chain.filter(exchange);
    }
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
