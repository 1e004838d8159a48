package gx.enrollment.connectors.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import gx.enrollment.connectors.Person;
import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.ResidencePermitQuery;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.connectors.SourceStatus;
import gx.enrollment.connectors.UnavailableReason;
import gx.enrollment.connectors.testing.HttpWarmup;
import gx.enrollment.connectors.testing.Results;
import gx.enrollment.connectors.testing.TestSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

/**
 * How one connector (居住证, the simplest body) behaves when its source misbehaves. The stack is
 * shared, so this holds for every source.
 */
class SourceFaultsTests {

  @RegisterExtension
  static WireMockExtension source =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private static final String PATH = "/residence-permit/v1/verify";
  private static final String VALID = "{ \"status\": \"VALID\" }";
  private static final ResidencePermitQuery QUERY =
      new ResidencePermitQuery(new Person("430621199001011234", "韦强"), "450702");

  private SourceConnectors connectors;

  @BeforeAll
  static void warmUp() {
    HttpWarmup.warmUp(source);
  }

  @AfterEach
  void disconnect() {
    if (connectors != null) {
      connectors.close();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void retries_a_5xx_then_reports_upstream_error_after_max_attempts(int status) {
    source.stubFor(post(PATH).willReturn(status(status)));

    SourceResult result = verify(TestSettings.against(source.baseUrl()).maxAttempts(3));

    assertThat(result.status()).isEqualTo(SourceStatus.UNAVAILABLE);
    assertThat(result.reason()).isEqualTo(UnavailableReason.UPSTREAM_ERROR);
    assertThat(result.attempts()).isEqualTo(3);
    source.verify(3, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void succeeds_on_the_second_attempt_with_the_same_request_id_purpose_and_consent() {
    failOnceThen(serviceUnavailable(), okJson(VALID));
    QueryContext context = Results.within(Duration.ofSeconds(3));

    SourceResult result = verify(TestSettings.against(source.baseUrl()), context);

    assertThat(result.status()).isEqualTo(SourceStatus.OK);
    assertThat(result.attempts()).isEqualTo(2);
    source.verify(
        2,
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("X-Request-Id", equalTo(context.requestId()))
            .withHeader("X-Purpose", equalTo("ENROLLMENT"))
            .withHeader("X-Consent-Id", equalTo(context.consentId())));
  }

  @Test
  void waits_as_long_as_a_short_retry_after_asks_then_succeeds() {
    failOnceThen(status(429).withHeader("Retry-After", "1"), okJson(VALID));
    Instant start = Instant.now();

    SourceResult result = verify(TestSettings.against(source.baseUrl()).maxAttempts(2));

    assertThat(result.status()).isEqualTo(SourceStatus.OK);
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(Duration.between(start, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void gives_up_at_once_as_rejected_when_retry_after_ends_beyond_the_deadline() {
    source.stubFor(post(PATH).willReturn(status(429).withHeader("Retry-After", "5")));
    Instant start = Instant.now();

    SourceResult result =
        verify(
            TestSettings.against(source.baseUrl()).maxRetryAfter(Duration.ofSeconds(10)),
            Results.within(Duration.ofSeconds(3)));

    assertThat(result.reason()).isEqualTo(UnavailableReason.REJECTED);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(1500));
  }

  @Test
  void gives_up_at_once_as_rejected_when_retry_after_exceeds_the_allowed_wait() {
    source.stubFor(post(PATH).willReturn(serviceUnavailable().withHeader("Retry-After", "3")));

    SourceResult result =
        verify(
            TestSettings.against(source.baseUrl()).maxRetryAfter(Duration.ofSeconds(2)),
            Results.within(Duration.ofSeconds(30)));

    assertThat(result.reason()).isEqualTo(UnavailableReason.REJECTED);
    assertThat(result.attempts()).isEqualTo(1);
  }

  @Test
  void retries_429_without_retry_after_then_reports_rejected() {
    source.stubFor(post(PATH).willReturn(status(429)));

    SourceResult result = verify(TestSettings.against(source.baseUrl()).maxAttempts(3));

    assertThat(result.reason()).isEqualTo(UnavailableReason.REJECTED);
    assertThat(result.attempts()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401})
  void reports_400_and_401_as_upstream_error_without_retrying(int status) {
    source.stubFor(
        post(PATH)
            .willReturn(okJson("{ \"code\": \"X\", \"message\": \"no\" }").withStatus(status)));

    SourceResult result = verify(TestSettings.against(source.baseUrl()).maxAttempts(3));

    assertThat(result.reason()).isEqualTo(UnavailableReason.UPSTREAM_ERROR);
    assertThat(result.attempts()).isEqualTo(1);
    source.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @ParameterizedTest
  @ValueSource(ints = {201, 204, 302, 404, 418})
  void reports_an_undocumented_http_status_as_bad_response_without_retrying(int status) {
    source.stubFor(post(PATH).willReturn(okJson(VALID).withStatus(status)));

    SourceResult result = verify(TestSettings.against(source.baseUrl()).maxAttempts(3));

    assertThat(result.reason()).isEqualTo(UnavailableReason.BAD_RESPONSE);
    assertThat(result.attempts()).isEqualTo(1);
  }

  @Test
  void does_not_retry_a_body_that_is_not_json() {
    source.stubFor(post(PATH).willReturn(okJson("<html>502 Bad Gateway</html>")));

    SourceResult result = verify(TestSettings.against(source.baseUrl()).maxAttempts(3));

    assertThat(result.reason()).isEqualTo(UnavailableReason.BAD_RESPONSE);
    assertThat(result.attempts()).isEqualTo(1);
  }

  @Test
  void retries_a_reset_connection_then_reports_upstream_error() {
    source.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    SourceResult result = verify(TestSettings.against(source.baseUrl()).maxAttempts(3));

    assertThat(result.reason()).isEqualTo(UnavailableReason.UPSTREAM_ERROR);
    assertThat(result.attempts()).isEqualTo(3);
  }

  @Test
  void reports_a_refused_connection_as_upstream_error() throws IOException {
    String closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = "http://127.0.0.1:" + socket.getLocalPort();
    }

    SourceResult result = verify(TestSettings.against(closedPort).maxAttempts(2));

    assertThat(result.reason()).isEqualTo(UnavailableReason.UPSTREAM_ERROR);
    assertThat(result.attempts()).isEqualTo(2);
  }

  @Test
  void reports_an_answer_slower_than_the_attempt_timeout_as_timeout() {
    source.stubFor(post(PATH).willReturn(okJson(VALID).withFixedDelay(1_000)));

    SourceResult result =
        verify(
            TestSettings.against(source.baseUrl())
                .attemptTimeout(Duration.ofMillis(200))
                .maxAttempts(2));

    assertThat(result.reason()).isEqualTo(UnavailableReason.TIMEOUT);
    assertThat(result.attempts()).isEqualTo(2);
  }

  @Test
  void stops_retrying_at_the_deadline_and_answers_by_it() {
    source.stubFor(post(PATH).willReturn(serviceUnavailable().withFixedDelay(250)));
    QueryContext context = Results.within(Duration.ofMillis(800));

    SourceResult result =
        verify(
            TestSettings.against(source.baseUrl())
                .maxAttempts(10)
                .initialBackoff(Duration.ofMillis(100)),
            context);

    assertThat(Instant.now()).isBefore(context.deadline().plusMillis(200));
    assertThat(result.reason()).isEqualTo(UnavailableReason.TIMEOUT);
    assertThat(result.attempts()).isBetween(1, 3);
  }

  @Test
  void reports_a_deadline_already_past_as_timeout_without_calling() {
    QueryContext past =
        QueryContext.forEnrollment("req-late", Instant.now().minusMillis(1), "c-late");

    SourceResult result = verify(TestSettings.against(source.baseUrl()), past);

    assertThat(result.reason()).isEqualTo(UnavailableReason.TIMEOUT);
    assertThat(result.attempts()).isZero();
    assertThat(result.latencyMs()).isZero();
    source.verify(0, postRequestedFor(urlEqualTo(PATH)));
  }

  private static void failOnceThen(
      ResponseDefinitionBuilder failure, ResponseDefinitionBuilder success) {
    source.stubFor(
        post(PATH)
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(failure)
            .willSetStateTo("recovered"));
    source.stubFor(
        post(PATH).inScenario("flaky").whenScenarioStateIs("recovered").willReturn(success));
  }

  private SourceResult verify(TestSettings settings) {
    return verify(settings, Results.within(Duration.ofSeconds(3)));
  }

  private SourceResult verify(TestSettings settings, QueryContext context) {
    connectors = SourceConnectors.create(settings.forAllSources(), WebClient.builder());
    SourceResult[] result = new SourceResult[1];
    StepVerifier.create(connectors.residencePermit().verify(QUERY, context))
        .consumeNextWith(next -> result[0] = next)
        .expectComplete()
        .verify(Duration.ofSeconds(10));
    return result[0];
  }
}
