package gx.enrollment.connectors.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.badRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import gx.enrollment.connectors.Person;
import gx.enrollment.connectors.ResidencePermitQuery;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.connectors.SourceStatus;
import gx.enrollment.connectors.UnavailableReason;
import gx.enrollment.connectors.testing.HttpWarmup;
import gx.enrollment.connectors.testing.MutableClock;
import gx.enrollment.connectors.testing.Results;
import gx.enrollment.connectors.testing.TestSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

/**
 * The breaker of a source: a window of 4 attempts that opens at 50% failures, stays open 10 s (on a
 * clock the test moves), then lets one probe decide. No retries, so one query is one attempt.
 */
@ExtendWith(OutputCaptureExtension.class)
class CircuitBreakerTests {

  @RegisterExtension
  static WireMockExtension source =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private static final String PATH = "/residence-permit/v1/verify";
  private static final ResidencePermitQuery QUERY =
      new ResidencePermitQuery(new Person("430621199001011234", "韦强"), "450702");

  private final MutableClock clock = MutableClock.atSomeInstant();
  private SourceConnectors connectors;

  @BeforeAll
  static void warmUp() {
    HttpWarmup.warmUp(source);
  }

  @BeforeEach
  void connect() {
    connectors =
        SourceConnectors.create(
            TestSettings.against(source.baseUrl())
                .breakerWindow(4, 50)
                .waitInOpenState(Duration.ofSeconds(10))
                .maxAttempts(1)
                .attemptTimeout(Duration.ofMillis(300))
                .forAllSources(),
            WebClient.builder(),
            clock);
  }

  @AfterEach
  void disconnect() {
    connectors.close();
  }

  @Test
  void opens_after_the_failure_threshold_and_refuses_without_calling(CapturedOutput log) {
    source.stubFor(post(PATH).willReturn(serverError()));
    failFourTimes();

    SourceResult refused = verify();

    // The operator reads why it opened.
    assertThat(log.getOut())
        .contains(
            "residence-permit circuit breaker: failure rate 100.0 % reached the threshold (last"
                + " failure: UpstreamStatusException)")
        .contains("residence-permit circuit breaker: State transition from CLOSED to OPEN");
    assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(refused.status()).isEqualTo(SourceStatus.UNAVAILABLE);
    assertThat(refused.reason()).isEqualTo(UnavailableReason.CIRCUIT_OPEN);
    assertThat(refused.attempts()).isZero();
    assertThat(refused.latencyMs()).isZero();
    source.verify(4, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void stays_open_until_the_wait_is_over() {
    source.stubFor(post(PATH).willReturn(serverError()));
    failFourTimes();
    clock.advance(Duration.ofSeconds(9));

    SourceResult refused = verify();

    assertThat(refused.reason()).isEqualTo(UnavailableReason.CIRCUIT_OPEN);
    source.verify(4, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void lets_a_probe_through_after_the_wait_and_closes_when_it_succeeds() {
    source.stubFor(post(PATH).willReturn(serverError()));
    failFourTimes();
    source.stubFor(post(PATH).willReturn(okJson("{ \"status\": \"VALID\" }")));
    clock.advance(Duration.ofSeconds(11));

    SourceResult probe = verify();

    assertThat(probe.status()).isEqualTo(SourceStatus.OK);
    assertThat(probe.attempts()).isEqualTo(1);
    assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void counts_attempt_timeouts_as_failures() {
    source.stubFor(post(PATH).willReturn(okJson("{}").withFixedDelay(1_000)));

    for (int i = 0; i < 4; i++) {
      assertThat(verify().reason()).isEqualTo(UnavailableReason.TIMEOUT);
    }

    assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void does_not_hold_our_own_bad_requests_against_the_source() {
    source.stubFor(post(PATH).willReturn(badRequest()));

    for (int i = 0; i < 4; i++) {
      assertThat(verify().reason()).isEqualTo(UnavailableReason.UPSTREAM_ERROR);
    }

    assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  private void failFourTimes() {
    for (int i = 0; i < 4; i++) {
      assertThat(verify().reason()).isEqualTo(UnavailableReason.UPSTREAM_ERROR);
    }
  }

  private CircuitBreaker breaker() {
    return connectors.circuitBreaker(Source.RESIDENCE_PERMIT);
  }

  private SourceResult verify() {
    SourceResult[] result = new SourceResult[1];
    StepVerifier.create(
            connectors
                .residencePermit()
                .verify(QUERY, Results.within(Duration.ofSeconds(3), clock)))
        .consumeNextWith(next -> result[0] = next)
        .expectComplete()
        .verify(Duration.ofSeconds(10));
    return result[0];
  }
}
