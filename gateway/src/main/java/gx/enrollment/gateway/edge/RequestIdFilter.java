package gx.enrollment.gateway.edge;

import gx.enrollment.gateway.ids.TimeOrderedIds;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is well formed (1–128 of
 * {@code A-Z a-z 0-9 . _ : -}), else a new time-ordered one. The id is echoed on the answer, left
 * in the exchange for the handlers and put in the Reactor context, from which {@link
 * RequestIdLogging} carries it onto the log lines of the request (MDC {@code requestId}).
 *
 * <p>A {@link WebFilter}, not a gateway filter, because it must also cover what the gateway's
 * filters never see: answers of paths outside the routes and refusals made while a route is still
 * being chosen (a CORS preflight from an unknown origin).
 */
public class RequestIdFilter implements WebFilter, Ordered {

  public static final String HEADER = "X-Request-Id";

  /** The exchange attribute and Reactor context key of the id. */
  public static final String KEY = "requestId";

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id = accepted(exchange.getRequest().getHeaders().getFirst(HEADER));
    exchange.getAttributes().put(KEY, id);
    exchange.getResponse().getHeaders().set(HEADER, id);
    return chain.filter(exchange).contextWrite(context -> context.put(KEY, id));
  }

  static String accepted(@Nullable String given) {
    return given != null && WELL_FORMED.matcher(given).matches()
        ? given
        : TimeOrderedIds.next().toString();
  }

  /** The request id of {@code exchange}. */
  public static @Nullable String of(ServerWebExchange exchange) {
    return exchange.getAttribute(KEY);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
