package gx.enrollment.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared {@code Content-Length} is over the limit before reading a byte
 * of it. A body without a length (chunked) is held to the same limit by the JSON codec, which stops
 * reading at the limit ({@link WebConfiguration}).
 */
public class RequestSizeLimitFilter implements WebFilter, Ordered {

  private final DataSize limit;

  public RequestSizeLimitFilter(DataSize limit) {
    this.limit = limit;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long length = exchange.getRequest().getHeaders().getContentLength();
    if (length > limit.toBytes()) {
      return Mono.error(ProblemException.payloadTooLarge(limit.toBytes()));
    }
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
