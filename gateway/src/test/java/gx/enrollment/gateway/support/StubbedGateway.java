package gx.enrollment.gateway.support;

import gx.enrollment.mocks.GovernmentStubs;
import gx.enrollment.mocks.Upstream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole gateway on a random port with its real {@code config/}, pointed at the WireMock
 * government stubs of {@code mocks/}, which every test starts clean: no fault, counters at zero.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class StubbedGateway {

  /** Shorter than the default 3 s so that a hanging source costs the suite little. */
  protected static final Duration DEADLINE = Duration.ofSeconds(2);

  protected static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  protected static final GovernmentStubs stubs = GovernmentStubs.start();

  @Autowired protected WebTestClient client;

  @DynamicPropertySource
  static void pointAtStubs(DynamicPropertyRegistry registry) {
    for (Upstream upstream : Upstream.values()) {
      if (upstream == Upstream.SMS) {
        continue;
      }
      String key = "sources." + upstream.name().toLowerCase().replace('_', '-');
      registry.add(key + ".base-url", () -> stubs.baseUrl(upstream));
      registry.add(key + ".token", () -> stubs.token(upstream));
      // Breakers are proven in the connectors' own tests; here faults of one test must not open
      // a breaker for the next.
      registry.add(key + ".circuit-breaker.minimum-number-of-calls", () -> 1000);
      registry.add(key + ".circuit-breaker.sliding-window-size", () -> 1000);
    }
    registry.add("enrollment.verification.deadline", DEADLINE::toString);
  }

  @BeforeEach
  void cleanStubs() {
    stubs.clearFaults();
    stubs.resetCounters();
  }

  @AfterAll
  static void keepStubsForTheNextClass() {
    // The stubs live as long as the JVM (the Spring context is cached across classes too).
    stubs.clearFaults();
  }
}
