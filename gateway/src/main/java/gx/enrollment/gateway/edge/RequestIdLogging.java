package gx.enrollment.gateway.edge;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * Carries the request id of the Reactor context into the logging MDC, so the log pattern's {@code
 * %X{requestId}} names it. Propagation is {@code spring.reactor.context-propagation: limited}:
 * Reactor restores the MDC only inside {@code handle} and {@code tap} operators, so a step that
 * logs does it in {@code handle}; code that logs outside a reactive chain but holds the exchange
 * uses {@link #with(ServerWebExchange, Runnable)}. ({@code auto} would restore it around every
 * signal of every operator: measured at about a sixth of the gateway's CPU per verification in
 * {@code bench/}.)
 */
public final class RequestIdLogging implements ThreadLocalAccessor<String> {

  private RequestIdLogging() {}

  /** Registers the accessor once per JVM (a later registration under the key replaces it). */
  public static void register() {
    ContextRegistry.getInstance().registerThreadLocalAccessor(new RequestIdLogging());
  }

  /** Runs {@code logging} with the exchange's request id in the MDC, and removes it after. */
  public static void with(ServerWebExchange exchange, Runnable logging) {
    String id = exchange.getAttribute(RequestIdFilter.KEY);
    if (id == null) {
      logging.run();
      return;
    }
    try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.KEY, id)) {
      logging.run();
    }
  }

  @Override
  public Object key() {
    return RequestIdFilter.KEY;
  }

  @Override
  public @Nullable String getValue() {
    return MDC.get(RequestIdFilter.KEY);
  }

  @Override
  public void setValue(String value) {
    MDC.put(RequestIdFilter.KEY, value);
  }

  @Override
  public void setValue() {
    MDC.remove(RequestIdFilter.KEY);
  }
}
