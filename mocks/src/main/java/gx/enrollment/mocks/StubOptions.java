package gx.enrollment.mocks;

import gx.enrollment.mocks.population.SyntheticPopulation;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How {@link GovernmentStubs} start: ports, bind address, bearer tokens, the population and its
 * clock, and the server's threading. Immutable; every {@code with…} returns a copy.
 */
public final class StubOptions {

  private final Map<Upstream, Integer> ports;
  private final Map<Upstream, String> tokens;
  private final String bindAddress;
  private final @Nullable SyntheticPopulation population;
  private final Clock clock;
  private final boolean asynchronousResponses;
  private final boolean requestJournal;
  private final int containerThreads;

  private StubOptions(
      Map<Upstream, Integer> ports,
      Map<Upstream, String> tokens,
      String bindAddress,
      @Nullable SyntheticPopulation population,
      Clock clock,
      boolean asynchronousResponses,
      boolean requestJournal,
      int containerThreads) {
    this.ports = Collections.unmodifiableMap(new EnumMap<>(ports));
    this.tokens = Collections.unmodifiableMap(new EnumMap<>(tokens));
    this.bindAddress = bindAddress;
    this.population = population;
    this.clock = clock;
    this.asynchronousResponses = asynchronousResponses;
    this.requestJournal = requestJournal;
    this.containerThreads = containerThreads;
  }

  /**
   * For tests: dynamic ports on 127.0.0.1, the default tokens, the standard population on the
   * system clock, asynchronous responses on, no request journal.
   */
  public static StubOptions defaults() {
    Map<Upstream, Integer> ports = new EnumMap<>(Upstream.class);
    Map<Upstream, String> tokens = new EnumMap<>(Upstream.class);
    for (Upstream upstream : Upstream.values()) {
      ports.put(upstream, 0);
      tokens.put(upstream, upstream.defaultToken());
    }
    return new StubOptions(
        ports, tokens, "127.0.0.1", null, Clock.system(SyntheticPopulation.ZONE), true, false, 50);
  }

  /**
   * For the local run: as {@link #defaults()} on the fixed ports 9101 (household) to 9105 (SMS).
   */
  public static StubOptions standalone() {
    return defaults().withPortBase(Upstream.DEFAULT_PORT_BASE);
  }

  /** Every upstream on {@code portBase + 1} (household) to {@code portBase + 5} (SMS). */
  public StubOptions withPortBase(int portBase) {
    Map<Upstream, Integer> changed = new EnumMap<>(ports);
    for (Upstream upstream : Upstream.values()) {
      changed.put(upstream, upstream.port(portBase));
    }
    return new StubOptions(
        changed,
        tokens,
        bindAddress,
        population,
        clock,
        asynchronousResponses,
        requestJournal,
        containerThreads);
  }

  /** One upstream's port; 0 picks a free one. */
  public StubOptions withPort(Upstream upstream, int port) {
    Map<Upstream, Integer> changed = new EnumMap<>(ports);
    changed.put(upstream, port);
    return new StubOptions(
        changed,
        tokens,
        bindAddress,
        population,
        clock,
        asynchronousResponses,
        requestJournal,
        containerThreads);
  }

  /** The bearer token one upstream accepts. */
  public StubOptions withToken(Upstream upstream, String token) {
    if (token.isBlank()) {
      throw new IllegalArgumentException("token of " + upstream + " must not be blank");
    }
    Map<Upstream, String> changed = new EnumMap<>(tokens);
    changed.put(upstream, token);
    return new StubOptions(
        ports,
        changed,
        bindAddress,
        population,
        clock,
        asynchronousResponses,
        requestJournal,
        containerThreads);
  }

  /** The address the servers listen on, e.g. {@code 0.0.0.0} to accept other hosts. */
  public StubOptions withBindAddress(String address) {
    return new StubOptions(
        ports,
        tokens,
        address,
        population,
        clock,
        asynchronousResponses,
        requestJournal,
        containerThreads);
  }

  /** The people the stubs answer about; by default the standard population on the clock. */
  public StubOptions withPopulation(SyntheticPopulation value) {
    return new StubOptions(
        ports,
        tokens,
        bindAddress,
        value,
        value.clock(),
        asynchronousResponses,
        requestJournal,
        containerThreads);
  }

  /** The clock "today" is read from; also rebuilds the standard population unless one was set. */
  public StubOptions withClock(Clock value) {
    return new StubOptions(
        ports,
        tokens,
        bindAddress,
        population,
        value,
        asynchronousResponses,
        requestJournal,
        containerThreads);
  }

  /** Whether delayed responses are sent from a scheduler instead of holding a container thread. */
  public StubOptions withAsynchronousResponses(boolean enabled) {
    return new StubOptions(
        ports, tokens, bindAddress, population, clock, enabled, requestJournal, containerThreads);
  }

  /** Whether WireMock keeps its request journal (costly under load; counters do not need it). */
  public StubOptions withRequestJournal(boolean enabled) {
    return new StubOptions(
        ports,
        tokens,
        bindAddress,
        population,
        clock,
        asynchronousResponses,
        enabled,
        containerThreads);
  }

  /** Jetty threads per server. */
  public StubOptions withContainerThreads(int threads) {
    if (threads < 10) {
      throw new IllegalArgumentException("Jetty needs at least 10 container threads");
    }
    return new StubOptions(
        ports,
        tokens,
        bindAddress,
        population,
        clock,
        asynchronousResponses,
        requestJournal,
        threads);
  }

  public int port(Upstream upstream) {
    return ports.get(upstream);
  }

  public String token(Upstream upstream) {
    return tokens.get(upstream);
  }

  public String bindAddress() {
    return bindAddress;
  }

  /** The population set, or the standard one on this options' clock. */
  public SyntheticPopulation population() {
    return population != null ? population : SyntheticPopulation.standard(clock);
  }

  public Clock clock() {
    return clock;
  }

  public boolean asynchronousResponses() {
    return asynchronousResponses;
  }

  public boolean requestJournal() {
    return requestJournal;
  }

  public int containerThreads() {
    return containerThreads;
  }
}
