package gx.enrollment.gateway.edge;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Carries the request id of the Reactor context into the logging MDC on whatever thread a step of
 * the request runs (Reactor's automatic context propagation, {@code
 * spring.reactor.context-propagation: auto}), so the log pattern's {@code %X{requestId}} names it.
 */
public final class RequestIdLogging implements ThreadLocalAccessor<String> {

  private RequestIdLogging() {}

  /** Registers the accessor once per JVM (a later registration under the key replaces it). */
  public static void register() {
    ContextRegistry.getInstance().registerThreadLocalAccessor(new RequestIdLogging());
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
