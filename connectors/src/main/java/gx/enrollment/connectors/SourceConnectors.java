package gx.enrollment.connectors;

import gx.enrollment.connectors.household.HouseholdRegistrationConnector;
import gx.enrollment.connectors.realestate.RealEstateConnector;
import gx.enrollment.connectors.residencepermit.ResidencePermitConnector;
import gx.enrollment.connectors.resilience.ResilienceStack;
import gx.enrollment.connectors.settings.SourceSettings;
import gx.enrollment.connectors.settings.SourcesProperties;
import gx.enrollment.connectors.socialsecurity.SocialSecurityConnector;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The four connectors, built from their settings: each with its own HTTP client, connection pool
 * and {@link ResilienceStack}, held by a {@link LiveConnector} so that {@link
 * #reconfigure(SourcesProperties)} can replace them for the sources whose settings changed while
 * calls run. Close it on shutdown to release the connection pools (a Spring {@code @Bean} does so
 * by itself, {@link #close()} being inferred as its destroy method).
 */
public final class SourceConnectors implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SourceConnectors.class);

  /**
   * Told when a source's stack is replaced, e.g. to bind the new circuit breaker's metrics or
   * health: the old stack still serves the calls that started on it.
   */
  @FunctionalInterface
  public interface RebuildListener {
    void rebuilt(Source source, ResilienceStack replaced, ResilienceStack current);
  }

  private final LiveConnector<HouseholdQuery> household;
  private final LiveConnector<ResidencePermitQuery> residencePermit;
  private final LiveConnector<SocialSecurityQuery> socialSecurity;
  private final LiveConnector<RealEstateQuery> realEstate;
  private final Map<Source, LiveConnector<?>> live = new EnumMap<>(Source.class);
  private final List<RebuildListener> listeners = new CopyOnWriteArrayList<>();

  private SourceConnectors(
      SourcesProperties properties, WebClient.Builder webClientBuilder, Clock clock) {
    this.household =
        new LiveConnector<>(
            Source.HOUSEHOLD,
            properties.household(),
            HouseholdRegistrationConnector::new,
            webClientBuilder,
            clock);
    this.residencePermit =
        new LiveConnector<>(
            Source.RESIDENCE_PERMIT,
            properties.residencePermit(),
            ResidencePermitConnector::new,
            webClientBuilder,
            clock);
    this.socialSecurity =
        new LiveConnector<>(
            Source.SOCIAL_SECURITY,
            properties.socialSecurity(),
            SocialSecurityConnector::new,
            webClientBuilder,
            clock);
    this.realEstate =
        new LiveConnector<>(
            Source.REAL_ESTATE,
            properties.realEstate(),
            RealEstateConnector::new,
            webClientBuilder,
            clock);
    live.put(Source.HOUSEHOLD, household);
    live.put(Source.RESIDENCE_PERMIT, residencePermit);
    live.put(Source.SOCIAL_SECURITY, socialSecurity);
    live.put(Source.REAL_ESTATE, realEstate);
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
    return new SourceConnectors(properties, webClientBuilder, clock);
  }

  /** {@link #create(SourcesProperties, WebClient.Builder, Clock)} on the system clock. */
  public static SourceConnectors create(
      SourcesProperties properties, WebClient.Builder webClientBuilder) {
    return create(properties, webClientBuilder, Clock.systemUTC());
  }

  /**
   * Puts new settings in force for the sources whose settings differ from those in force: each of
   * them gets a new {@link ResilienceStack} (a new breaker, starting closed, under the same name),
   * and a new HTTP client if its address, token, connect timeout or pool size changed. The other
   * sources keep theirs, object for object. Calls already running finish on what they started with.
   *
   * @return the sources rebuilt
   */
  public synchronized Set<Source> reconfigure(SourcesProperties properties) {
    Set<Source> rebuilt = EnumSet.noneOf(Source.class);
    for (Source source : Source.values()) {
      SourceSettings settings = properties.forSource(source);
      LiveConnector<?> connector = live.get(source);
      LiveConnector.Generation<?> replaced = connector.reconfigure(settings);
      if (replaced != null) {
        rebuilt.add(source);
        log.info("{} connector rebuilt with {}", source.key(), settings);
        ResilienceStack current = connector.current().stack();
        listeners.forEach(listener -> listener.rebuilt(source, replaced.stack(), current));
      }
    }
    return rebuilt;
  }

  /** Registers {@code listener} for every later {@link #reconfigure(SourcesProperties)}. */
  public void onRebuild(RebuildListener listener) {
    listeners.add(listener);
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

  /**
   * The circuit breaker in force for {@code source}, e.g. to report its state in health checks. Ask
   * again after a reconfiguration: a changed source gets a new one.
   */
  public CircuitBreaker circuitBreaker(Source source) {
    return resilience(source).circuitBreaker();
  }

  /** The resilience stack in force for {@code source} (bulkhead, time limiter, breaker, retry). */
  public ResilienceStack resilience(Source source) {
    return live.get(source).current().stack();
  }

  /** The settings in force for {@code source}. */
  public SourceSettings settings(Source source) {
    return live.get(source).current().settings();
  }

  /**
   * Prepares the HTTP machinery of every source without calling any: subscribe once at start-up
   * (e.g. on {@code ApplicationReadyEvent}) so that the first verifications do not spend their
   * attempt timeout on class loading and event-loop start-up.
   */
  public Mono<Void> warmUp() {
    return Mono.when(
        live.values().stream().map(connector -> connector.current().http().warmUp()).toList());
  }

  /** Releases the connection pools. */
  @Override
  public void close() {
    live.values().forEach(LiveConnector::close);
  }
}
