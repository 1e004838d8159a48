package gx.enrollment.gateway.edge;

import gx.enrollment.gateway.web.ProblemException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refuses ({@code 413}) a request whose declared {@code Content-Length} is over {@code
 * enrollment.api.max-body-size} before a byte of it is read, and before the credentials are even
 * looked at. A body without a length (chunked) is held to the same limit by the JSON codec, which
 * stops reading there ({@code web.WebConfiguration}).
 *
 * <p>Ours rather than the gateway's {@code RequestSize} factory, which answers an empty {@code 413}
 * instead of problem details.
 */
public class BodySizeLimitFilter implements GlobalFilter, Ordered {

  static final int ORDER = 100;

  private final DataSize limit;

  public BodySizeLimitFilter(DataSize limit) {
    this.limit = limit;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    long length = exchange.getRequest().getHeaders().getContentLength();
    if (length > limit.toBytes()) {
      return Mono.error(ProblemException.payloadTooLarge(limit.toBytes()));
    }
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
