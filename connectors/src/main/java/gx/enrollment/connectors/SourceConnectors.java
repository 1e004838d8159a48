package gx.enrollment.connectors;

import gx.enrollment.connectors.household.HouseholdRegistrationConnector;
import gx.enrollment.connectors.http.SourceHttpClient;
import gx.enrollment.connectors.realestate.RealEstateConnector;
import gx.enrollment.connectors.residencepermit.ResidencePermitConnector;
import gx.enrollment.connectors.resilience.ResilienceStack;
import gx.enrollment.connectors.settings.SourcesProperties;
import gx.enrollment.connectors.socialsecurity.SocialSecurityConnector;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The four connectors, built from their settings: each with its own HTTP client, connection pool
 * and {@link ResilienceStack}. Close it on shutdown to release the connection pools (a Spring
 * {@code @Bean} does so by itself, {@link #close()} being inferred as its destroy method).
 */
public final class SourceConnectors implements AutoCloseable {

  private final SourceConnector<HouseholdQuery> household;
  private final SourceConnector<ResidencePermitQuery> residencePermit;
  private final SourceConnector<SocialSecurityQuery> socialSecurity;
  private final SourceConnector<RealEstateQuery> realEstate;
  private final Map<Source, ResilienceStack> stacks;
  private final List<SourceHttpClient> clients;

  private SourceConnectors(
      Map<Source, ResilienceStack> stacks, Map<Source, SourceHttpClient> http) {
    this.stacks = Map.copyOf(stacks);
    this.clients = List.copyOf(http.values());
    this.household =
        new HouseholdRegistrationConnector(
            http.get(Source.HOUSEHOLD), stacks.get(Source.HOUSEHOLD));
    this.residencePermit =
        new ResidencePermitConnector(
            http.get(Source.RESIDENCE_PERMIT), stacks.get(Source.RESIDENCE_PERMIT));
    this.socialSecurity =
        new SocialSecurityConnector(
            http.get(Source.SOCIAL_SECURITY), stacks.get(Source.SOCIAL_SECURITY));
    this.realEstate =
        new RealEstateConnector(http.get(Source.REAL_ESTATE), stacks.get(Source.REAL_ESTATE));
  }

  /**
   * Builds all four connectors.
   *
   * @param webClientBuilder cloned per source, never changed
   * @param clock what {@link QueryContext#deadline()}s are measured against, and what the circuit
   *     breakers wait by
   */
  public static SourceConnectors create(
      SourcesProperties properties, WebClient.Builder webClientBuilder, Clock clock) {
    Map<Source, ResilienceStack> stacks = new EnumMap<>(Source.class);
    Map<Source, SourceHttpClient> http = new EnumMap<>(Source.class);
    for (Source source : Source.values()) {
      stacks.put(source, ResilienceStack.of(source, properties.forSource(source), clock));
      http.put(
          source, SourceHttpClient.create(source, properties.forSource(source), webClientBuilder));
    }
    return new SourceConnectors(stacks, http);
  }

  /** {@link #create(SourcesProperties, WebClient.Builder, Clock)} on the system clock. */
  public static SourceConnectors create(
      SourcesProperties properties, WebClient.Builder webClientBuilder) {
    return create(properties, webClientBuilder, Clock.systemUTC());
  }

  /** 户籍. */
  public SourceConnector<HouseholdQuery> household() {
    return household;
  }

  /** 居住证. */
  public SourceConnector<ResidencePermitQuery> residencePermit() {
    return residencePermit;
  }

  /** 社保. */
  public SourceConnector<SocialSecurityQuery> socialSecurity() {
    return socialSecurity;
  }

  /** 不动产登记. */
  public SourceConnector<RealEstateQuery> realEstate() {
    return realEstate;
  }

  /** The circuit breaker of {@code source}, e.g. to report its state in health checks. */
  public CircuitBreaker circuitBreaker(Source source) {
    return stacks.get(source).circuitBreaker();
  }

  /** The whole resilience stack of {@code source} (bulkhead, time limiter, breaker, retry). */
  public ResilienceStack resilience(Source source) {
    return stacks.get(source);
  }

  /**
   * Prepares the HTTP machinery of every source without calling any: subscribe once at start-up
   * (e.g. on {@code ApplicationReadyEvent}) so that the first verifications do not spend their
   * attempt timeout on class loading and event-loop start-up.
   */
  public Mono<Void> warmUp() {
    return Mono.when(clients.stream().map(SourceHttpClient::warmUp).toList());
  }

  /** Releases the connection pools. */
  @Override
  public void close() {
    clients.forEach(SourceHttpClient::close);
  }
}
