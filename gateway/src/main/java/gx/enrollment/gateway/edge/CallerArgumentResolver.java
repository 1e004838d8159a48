package gx.enrollment.gateway.edge;

import gx.enrollment.gateway.web.ProblemException;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Gives a handler method its {@link Caller} parameter: the client the edge authenticated. A request
 * that reached a handler needing one without passing the edge is refused ({@code 401}).
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return Caller.class.equals(parameter.getParameterType());
  }

  @Override
  public Mono<Object> resolveArgument(
      MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
    Caller caller = Caller.of(exchange);
    return caller == null
        ? Mono.error(ProblemException.unauthenticated("No authenticated client"))
        : Mono.just(caller);
  }
}
