package gx.enrollment.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import gx.enrollment.connectors.resilience.ResilienceStack;
import gx.enrollment.connectors.settings.SourceSettings;
import gx.enrollment.connectors.settings.SourcesProperties;
import gx.enrollment.connectors.testing.HttpWarmup;
import gx.enrollment.connectors.testing.Results;
import gx.enrollment.connectors.testing.TestSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * New settings put in force while the connectors run: only the changed source is rebuilt, and a
 * call in flight finishes on the settings it started with.
 */
class SourceConnectorsReconfigurationTests {

  @RegisterExtension
  static WireMockExtension hukou =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final HouseholdQuery QUERY =
      new HouseholdQuery(
          new Person("450702201809120011", "黄小明"),
          new Person("450702198803150020", "黄丽"),
          Relation.MOTHER);

  private static final String MATCH =
      "{ \"status\": \"MATCH\", \"regionCode\": \"450702\", \"hukouType\": \"LOCAL\" }";

  private SourceConnectors connectors;

  @BeforeAll
  static void warmUp() {
    HttpWarmup.warmUp(hukou);
  }

  @AfterEach
  void close() {
    if (connectors != null) {
      connectors.close();
    }
  }

  @Test
  void rebuilds_the_stack_of_the_changed_source_only() {
    SourcesProperties before = TestSettings.against(hukou.baseUrl()).forAllSources();
    connectors = SourceConnectors.create(before, WebClient.builder());
    Map<Source, ResilienceStack> stacks = stacks();
    List<Source> told = new ArrayList<>();
    connectors.onRebuild((source, replaced, current) -> told.add(source));

    SourceSettings shorter =
        TestSettings.against(hukou.baseUrl()).attemptTimeout(Duration.ofMillis(50)).build();
    var rebuilt =
        connectors.reconfigure(
            new SourcesProperties(
                before.household(), shorter, before.socialSecurity(), before.realEstate()));

    assertThat(rebuilt).containsExactly(Source.RESIDENCE_PERMIT);
    assertThat(told).containsExactly(Source.RESIDENCE_PERMIT);
    assertThat(connectors.resilience(Source.RESIDENCE_PERMIT))
        .isNotSameAs(stacks.get(Source.RESIDENCE_PERMIT));
    assertThat(connectors.circuitBreaker(Source.RESIDENCE_PERMIT).getName())
        .isEqualTo(Source.RESIDENCE_PERMIT.key());
    assertThat(connectors.resilience(Source.RESIDENCE_PERMIT).timeLimiter().getTimeLimiterConfig())
        .extracting(config -> config.getTimeoutDuration())
        .isEqualTo(Duration.ofMillis(50));
    assertThat(connectors.settings(Source.RESIDENCE_PERMIT)).isEqualTo(shorter);
    for (Source other : List.of(Source.HOUSEHOLD, Source.SOCIAL_SECURITY, Source.REAL_ESTATE)) {
      assertThat(connectors.resilience(other)).isSameAs(stacks.get(other));
      assertThat(connectors.circuitBreaker(other)).isSameAs(stacks.get(other).circuitBreaker());
    }
  }

  @Test
  void rebuilds_nothing_when_the_settings_are_the_same() {
    SourcesProperties settings = TestSettings.against(hukou.baseUrl()).forAllSources();
    connectors = SourceConnectors.create(settings, WebClient.builder());
    Map<Source, ResilienceStack> stacks = stacks();

    var rebuilt = connectors.reconfigure(TestSettings.against(hukou.baseUrl()).forAllSources());

    assertThat(rebuilt).isEmpty();
    for (Source source : Source.values()) {
      assertThat(connectors.resilience(source)).isSameAs(stacks.get(source));
    }
  }

  @Test
  void keeps_the_http_client_unless_address_token_connect_timeout_or_pool_size_change() {
    SourceSettings base = TestSettings.against(hukou.baseUrl()).build();

    assertThat(
            LiveConnector.sameHttp(
                base,
                TestSettings.against(hukou.baseUrl())
                    .attemptTimeout(Duration.ofSeconds(9))
                    .build()))
        .isTrue();
    assertThat(LiveConnector.sameHttp(base, TestSettings.against("http://127.0.0.1:9").build()))
        .isFalse();
    assertThat(
            LiveConnector.sameHttp(
                base, TestSettings.against(hukou.baseUrl()).maxConcurrentCalls(3).build()))
        .isFalse();
  }

  @Test
  void a_call_in_flight_finishes_on_the_settings_it_started_with_and_the_next_takes_the_new() {
    hukou.stubFor(
        post("/hukou/v1/verify")
            .willReturn(
                okJson(
                        "{ \"child\": %s, \"guardian\": %s, \"relation\": %s }"
                            .formatted(
                                MATCH, MATCH, "{ \"status\": \"MATCH\", \"sameHousehold\": true }"))
                    .withFixedDelay(400)));
    SourcesProperties patient =
        TestSettings.against(hukou.baseUrl()).attemptTimeout(Duration.ofSeconds(3)).forAllSources();
    connectors = SourceConnectors.create(patient, WebClient.builder());

    Mono<SourceResult> inFlight =
        connectors.household().verify(QUERY, Results.within(Duration.ofSeconds(8))).cache();
    inFlight.subscribe(); // subscribed now: the generation is taken now
    SourceSettings impatient =
        TestSettings.against(hukou.baseUrl())
            .attemptTimeout(Duration.ofMillis(100))
            .maxAttempts(1)
            .build();
    connectors.reconfigure(
        new SourcesProperties(
            impatient, patient.residencePermit(), patient.socialSecurity(), patient.realEstate()));

    StepVerifier.create(connectors.household().verify(QUERY, Results.within(Duration.ofSeconds(8))))
        .assertNext(
            next -> {
              assertThat(next.status()).isEqualTo(SourceStatus.UNAVAILABLE);
              assertThat(next.reason()).isEqualTo(UnavailableReason.TIMEOUT);
            })
        .verifyComplete();
    StepVerifier.create(inFlight)
        .assertNext(
            old -> {
              assertThat(old.status()).isEqualTo(SourceStatus.OK);
              assertThat(old.attempts()).isEqualTo(1);
            })
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  private Map<Source, ResilienceStack> stacks() {
    Map<Source, ResilienceStack> stacks = new EnumMap<>(Source.class);
    for (Source source : Source.values()) {
      stacks.put(source, connectors.resilience(source));
    }
    return stacks;
  }
}
