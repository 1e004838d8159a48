package gx.enrollment.mocks;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import gx.enrollment.mocks.internal.faults.FaultBoard;
import gx.enrollment.mocks.internal.faults.FaultSwitch;
import gx.enrollment.mocks.internal.faults.StubAdminApi;
import gx.enrollment.mocks.internal.http.RequestCounters;
import gx.enrollment.mocks.internal.http.TrackingHttpServerFactory;
import gx.enrollment.mocks.internal.sources.HouseholdRegistrationResponder;
import gx.enrollment.mocks.internal.sources.OperationMappings;
import gx.enrollment.mocks.internal.sources.RealEstateResponder;
import gx.enrollment.mocks.internal.sources.ResidencePermitResponder;
import gx.enrollment.mocks.internal.sources.SmsOutbox;
import gx.enrollment.mocks.internal.sources.SmsResponder;
import gx.enrollment.mocks.internal.sources.SocialSecurityResponder;
import gx.enrollment.mocks.internal.sources.SourceAnswerTransformer;
import gx.enrollment.mocks.internal.sources.SourceResponder;
import gx.enrollment.mocks.population.SyntheticPopulation;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four government sources and the SMS gateway as WireMock servers, one per upstream on its own
 * port, answering from a {@link SyntheticPopulation} exactly as the interface contracts say.
 *
 * <pre>{@code
 * try (GovernmentStubs stubs = GovernmentStubs.start()) {
 *   String url = stubs.baseUrl(Upstream.HOUSEHOLD) + Upstream.HOUSEHOLD.path();
 *   stubs.fault(Upstream.REAL_ESTATE, FaultScenario.serviceUnavailable());
 * }
 * }</pre>
 */
public final class GovernmentStubs implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GovernmentStubs.class);
  private static final Duration IDLE_TIMEOUT = FaultScenario.MAX_DELAY.plusMinutes(1);

  private final StubOptions options;
  private final SyntheticPopulation population;
  private final RequestCounters counters = new RequestCounters();
  private final SmsOutbox outbox = new SmsOutbox();
  private final Map<Upstream, WireMockServer> servers = new EnumMap<>(Upstream.class);
  private final Map<Upstream, FaultSwitch> faults = new EnumMap<>(Upstream.class);
  private final FaultBoard board = new FaultBoard();

  private GovernmentStubs(StubOptions options) {
    this.options = options;
    this.population = options.population();
  }

  /** Dynamic ports, default tokens, the standard population. */
  public static GovernmentStubs start() {
    return start(StubOptions.defaults());
  }

  /**
   * Starts all five servers; if one cannot start (say its port is taken), stops the others.
   *
   * @throws IllegalStateException if a server cannot start
   */
  public static GovernmentStubs start(StubOptions options) {
    GovernmentStubs stubs = new GovernmentStubs(options);
    try {
      for (Upstream upstream : Upstream.values()) {
        stubs.startServer(upstream);
      }
    } catch (RuntimeException e) {
      stubs.close();
      throw new IllegalStateException("the government stubs could not start: " + e.getMessage(), e);
    }
    return stubs;
  }

  private void startServer(Upstream upstream) {
    FaultSwitch faultSwitch = new FaultSwitch(upstream);
    WireMockConfiguration config =
        wireMockConfig()
            .port(options.port(upstream))
            .bindAddress(options.bindAddress())
            .http2PlainDisabled(true)
            .gzipDisabled(true)
            .containerThreads(options.containerThreads())
            .jettyAcceptors(1)
            // A hang must outlast Jetty's 30 s idle timeout.
            .jettyIdleTimeout(IDLE_TIMEOUT.toMillis())
            .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
            .asynchronousResponseEnabled(options.asynchronousResponses())
            .asynchronousResponseThreads(4)
            .stubRequestLoggingDisabled(true)
            .notifier(new Slf4jNotifier(false))
            .extensions(
                new TrackingHttpServerFactory(counters, upstream),
                new SourceAnswerTransformer(options.token(upstream), responder(upstream)),
                new StubAdminApi(
                    upstream,
                    faultSwitch,
                    counters,
                    upstream == Upstream.SMS ? outbox : null,
                    board));
    if (!options.requestJournal()) {
      config.disableRequestJournal();
    }
    WireMockServer server = new WireMockServer(config);
    servers.put(upstream, server);
    server.start();
    OperationMappings.of(upstream).forEach(server::addStubMapping);
    faults.put(upstream, faultSwitch);
    board.register(upstream, server, faultSwitch, server.port());
    log.info("{} stub listening on {}{}", upstream, baseUrl(upstream), upstream.path());
  }

  private SourceResponder responder(Upstream upstream) {
    return switch (upstream) {
      case HOUSEHOLD -> new HouseholdRegistrationResponder(population);
      case RESIDENCE_PERMIT -> new ResidencePermitResponder(population);
      case SOCIAL_SECURITY -> new SocialSecurityResponder(population);
      case REAL_ESTATE -> new RealEstateResponder(population);
      case SMS -> new SmsResponder(outbox, options.clock());
    };
  }

  /** E.g. {@code http://127.0.0.1:53211}; append {@link Upstream#path()} for the operation. */
  public String baseUrl(Upstream upstream) {
    String host = options.bindAddress().equals("0.0.0.0") ? "localhost" : options.bindAddress();
    return "http://" + host + ":" + port(upstream);
  }

  /** The port the upstream's stub listens on. */
  public int port(Upstream upstream) {
    return server(upstream).port();
  }

  /** The bearer token the upstream's stub accepts. */
  public String token(Upstream upstream) {
    return options.token(upstream);
  }

  /** The people the stubs answer about. */
  public SyntheticPopulation population() {
    return population;
  }

  /** Makes the upstream misbehave from the next request on, replacing its previous fault. */
  public void fault(Upstream upstream, FaultScenario scenario) {
    faults.get(upstream).apply(server(upstream), scenario);
  }

  /** The upstream's current fault. */
  public FaultScenario currentFault(Upstream upstream) {
    return faults.get(upstream).current();
  }

  /** Every upstream answers normally again. */
  public void clearFaults() {
    for (Upstream upstream : faults.keySet()) {
      fault(upstream, FaultScenario.none());
    }
  }

  /** Requests the upstream's stub received since {@link #resetCounters()}, whatever the answer. */
  public int requestCount(Upstream upstream) {
    return counters.received(upstream);
  }

  /**
   * The most requests in flight at once, across all five stubs, since {@link #resetCounters()}: a
   * request counts from its arrival until its response is complete, delays included.
   */
  public int peakConcurrentRequests() {
    return counters.peakInFlight();
  }

  /** Zeroes the request counts and the peak; requests still in flight are forgotten. */
  public void resetCounters() {
    counters.reset();
  }

  /** The messages the SMS stub accepted, oldest first. */
  public List<SentSms> sentMessages() {
    return outbox.messages();
  }

  /** Forgets the accepted messages. */
  public void clearSentMessages() {
    outbox.clear();
  }

  /** The upstream's WireMock server, for what this API does not cover (e.g. verification). */
  public WireMockServer server(Upstream upstream) {
    WireMockServer server = servers.get(upstream);
    if (server == null) {
      throw new IllegalStateException(upstream + " stub is not running");
    }
    return server;
  }

  /** Stops every server; requests still waiting (e.g. on a hang) see their connection closed. */
  @Override
  public void close() {
    for (WireMockServer server : servers.values()) {
      if (server.isRunning()) {
        server.stop();
      }
    }
    servers.clear();
  }
}
