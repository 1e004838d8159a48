package gx.enrollment.gateway.edge;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Secure response headers on every answer of a route — the handler's and every refusal alike:
 * {@code X-Content-Type-Options: nosniff}, {@code Cache-Control: no-store} (answers carry personal
 * data), {@code X-Frame-Options: DENY} and {@code Content-Security-Policy: frame-ancestors 'none';
 * default-src 'none'}, {@code Referrer-Policy: no-referrer} and {@code Strict-Transport-Security}
 * (honoured by browsers once the gateway is served over HTTPS).
 *
 * <p>Written here rather than with the gateway's {@code SecureHeaders} factory: that one is a post
 * filter that sets the headers after the chain, when a forwarded local handler has already
 * committed the answer, and never on a refusal; this one sets them just before the answer is
 * committed, whoever writes it.
 */
public class SecureHeadersFilter implements GlobalFilter, Ordered {

  static final int ORDER = 50;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    ServerHttpResponse response = exchange.getResponse();
    response.beforeCommit(
        () -> {
          HttpHeaders headers = response.getHeaders();
          headers.set("X-Content-Type-Options", "nosniff");
          headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
          headers.set(HttpHeaders.PRAGMA, "no-cache");
          headers.set("X-Frame-Options", "DENY");
          headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
          headers.set("Referrer-Policy", "no-referrer");
          headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
          return Mono.empty();
        });
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
