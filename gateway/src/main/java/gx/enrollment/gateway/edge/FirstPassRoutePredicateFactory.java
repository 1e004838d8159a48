package gx.enrollment.gateway.edge;

import java.util.function.Predicate;
import org.springframework.cloud.gateway.handler.predicate.AbstractRoutePredicateFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Route predicate {@code FirstPass}: true only while no route has taken the exchange yet. Our
 * routes forward ({@code forward:}) to handlers of this same application, and the forward runs the
 * exchange through the dispatcher again, where the gateway's handler mapping comes first: without
 * this predicate the route would match its own forward and loop. On the second pass no route
 * matches, and the annotated controllers (or the actuator) answer.
 */
public class FirstPassRoutePredicateFactory
    extends AbstractRoutePredicateFactory<FirstPassRoutePredicateFactory.Config> {

  /** No settings. */
  public static class Config {}

  public FirstPassRoutePredicateFactory() {
    super(Config.class);
  }

  @Override
  public Predicate<ServerWebExchange> apply(Config config) {
    return exchange -> exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) == null;
  }
}
