package gx.enrollment.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.connectors.testing.TestSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

class SourceConnectorsTests {

  private final SourceConnectors connectors =
      SourceConnectors.create(
          TestSettings.against("http://127.0.0.1:9").forAllSources(), WebClient.builder());

  @AfterEach
  void close() {
    connectors.close();
  }

  @Test
  void builds_one_connector_per_source() {
    assertThat(connectors.household().source()).isEqualTo(Source.HOUSEHOLD);
    assertThat(connectors.residencePermit().source()).isEqualTo(Source.RESIDENCE_PERMIT);
    assertThat(connectors.socialSecurity().source()).isEqualTo(Source.SOCIAL_SECURITY);
    assertThat(connectors.realEstate().source()).isEqualTo(Source.REAL_ESTATE);
  }

  @Test
  void gives_each_source_its_own_closed_circuit_breaker() {
    for (Source source : Source.values()) {
      CircuitBreaker breaker = connectors.circuitBreaker(source);

      assertThat(breaker.getName()).isEqualTo(source.key());
      assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
  }

  @Test
  void keeps_breakers_apart_so_one_failing_source_does_not_refuse_the_others() {
    connectors.circuitBreaker(Source.REAL_ESTATE).transitionToOpenState();

    assertThat(connectors.circuitBreaker(Source.HOUSEHOLD).getState())
        .isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void warms_up_without_calling_any_source() {
    StepVerifier.create(connectors.warmUp()).expectComplete().verify(Duration.ofSeconds(10));
  }
}
