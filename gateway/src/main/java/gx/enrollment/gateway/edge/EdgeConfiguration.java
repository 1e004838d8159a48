package gx.enrollment.gateway.edge;

import gx.enrollment.gateway.config.ConfigSection;
import gx.enrollment.gateway.web.ApiProperties;
import gx.enrollment.gateway.web.UploadSizeLimit;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

  private static final Logger log = LoggerFactory.getLogger(EdgeConfiguration.class);

  static {
    RequestIdLogging.register();
  }

  /**
   * Once the application is ready, sends two calls through the edge (an open health probe and an
   * unauthenticated API call, answered 401), so that the first portal's call does not pay for
   * loading and warming the route, filter and error-answer paths out of its verification deadline.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> warmUpEdge(WebClient.Builder webClients) {
    return event -> {
      String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
      if (port == null) {
        return;
      }
      WebClient local = webClients.clone().baseUrl("http://127.0.0.1:" + port).build();
      Flux.just("/actuator/health/liveness", "/api/v1/regions")
          .concatMap(
              path ->
                  local
                      .get()
                      .uri(path)
                      .header(RequestIdFilter.HEADER, "edge-warm-up")
                      .exchangeToMono(response -> response.releaseBody())
                      .timeout(Duration.ofSeconds(10))
                      .onErrorResume(
                          error -> {
                            log.debug("edge warm-up call to {} failed: {}", path, error.toString());
                            return Mono.empty();
                          }))
          .subscribe();
    };
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

  /**
   * {@code enrollment.edge.*} of {@code config/clients.yml}, taken anew on every valid edit: the
   * clients, their credentials, roles, regions and rate limits (the operation table of {@code
   * routes.yml} is read at start).
   */
  @Bean
  ConfigSection<EdgeProperties> clientsSection(
      EdgeProperties properties,
      ClientAuthenticator authenticator,
      ClientRateLimitFilter rateLimits) {
    return ConfigSection.of(
        "clients.yml",
        "enrollment.edge",
        EdgeProperties.class,
        properties,
        changed -> {
          authenticator.replace(changed);
          rateLimits.replace(changed);
        });
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
  BodySizeLimitFilter bodySizeLimitFilter(
      ApiProperties api,
      org.springframework.beans.factory.ObjectProvider<UploadSizeLimit> uploads) {
    return new BodySizeLimitFilter(api.maxBodySize(), uploads.orderedStream().toList());
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
