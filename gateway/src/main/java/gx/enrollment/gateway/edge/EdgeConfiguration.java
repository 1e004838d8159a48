package gx.enrollment.gateway.edge;

import gx.enrollment.gateway.web.ApiProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * The edge's pieces. The routes themselves (every {@code /api/**} and {@code /actuator/**} call,
 * forwarded to our handlers) and CORS are Spring Cloud Gateway configuration in {@code
 * config/routes.yml}; the filters here are gateway {@code GlobalFilter}s, run in this order on
 * every routed call: secure headers, body size, client authentication, rate limit, operation and
 * region access — then the gateway forwards to the handler.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
public class EdgeConfiguration implements WebFluxConfigurer {

  static {
    RequestIdLogging.register();
  }

  @Override
  public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
    configurer.addCustomResolver(new CallerArgumentResolver());
  }

  @Bean
  RequestIdFilter requestIdFilter() {
    return new RequestIdFilter();
  }

  @Bean
  FirstPassRoutePredicateFactory firstPassRoutePredicateFactory() {
    return new FirstPassRoutePredicateFactory();
  }

  @Bean
  OperationTable operationTable(EdgeProperties properties) {
    return new OperationTable(properties.operations());
  }

  @Bean
  ClientAuthenticator clientAuthenticator(EdgeProperties properties) {
    return new ClientAuthenticator(properties);
  }

  @Bean
  SecureHeadersFilter secureHeadersFilter() {
    return new SecureHeadersFilter();
  }

  @Bean
  BodySizeLimitFilter bodySizeLimitFilter(ApiProperties api) {
    return new BodySizeLimitFilter(api.maxBodySize());
  }

  @Bean
  ClientAuthenticationFilter clientAuthenticationFilter(
      ClientAuthenticator authenticator, OperationTable operations) {
    return new ClientAuthenticationFilter(authenticator, operations);
  }

  @Bean
  ClientRateLimitFilter clientRateLimitFilter(EdgeProperties properties) {
    return new ClientRateLimitFilter(properties);
  }

  @Bean
  OperationAccessFilter operationAccessFilter(OperationTable operations, DatabaseClient db) {
    return new OperationAccessFilter(operations, db);
  }
}
