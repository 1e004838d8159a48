package gx.enrollment.gateway.edge;

import gx.enrollment.gateway.web.ProblemException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Lets a request on only with valid client credentials ({@link ClientAuthenticator}); a missing,
 * unknown, expired or forged one is {@code 401} with {@code WWW-Authenticate}. The caller found is
 * left in the exchange ({@link Caller#ATTRIBUTE}) for the next filters and the handlers. Operations
 * the table marks {@code open} (health probes, API docs) need no credentials.
 */
public class ClientAuthenticationFilter implements GlobalFilter, Ordered {

  static final int ORDER = 200;

  static final String CHALLENGE =
      "Bearer realm=\"enrollment-gateway\", ApiKey realm=\"enrollment-gateway\" header=\"X-Api-Key\"";

  private final ClientAuthenticator authenticator;
  private final OperationTable operations;

  public ClientAuthenticationFilter(ClientAuthenticator authenticator, OperationTable operations) {
    this.authenticator = authenticator;
    this.operations = operations;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    if (Operations.isOpen(Operations.of(exchange, operations))) {
      return chain.filter(exchange);
    }
    Caller caller;
    try {
      caller = authenticator.authenticate(exchange.getRequest().getHeaders());
    } catch (ProblemException refused) {
      exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
      return Mono.error(refused);
    }
    exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
