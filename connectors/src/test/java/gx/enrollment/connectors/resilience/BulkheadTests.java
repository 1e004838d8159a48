package gx.enrollment.connectors.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import gx.enrollment.connectors.Person;
import gx.enrollment.connectors.ResidencePermitQuery;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.connectors.SourceStatus;
import gx.enrollment.connectors.UnavailableReason;
import gx.enrollment.connectors.testing.HttpWarmup;
import gx.enrollment.connectors.testing.Results;
import gx.enrollment.connectors.testing.TestSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** A source's bulkhead of 2 concurrent calls, against a source that takes 500 ms to answer. */
class BulkheadTests {

  @RegisterExtension
  static WireMockExtension source =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private static final String PATH = "/residence-permit/v1/verify";
  private static final ResidencePermitQuery QUERY =
      new ResidencePermitQuery(new Person("430621199001011234", "韦强"), "450702");

  private SourceConnectors connectors;

  @BeforeAll
  static void warmUp() {
    HttpWarmup.warmUp(source);
  }

  @BeforeEach
  void connect() {
    source.stubFor(post(PATH).willReturn(okJson("{ \"status\": \"VALID\" }").withFixedDelay(500)));
    connectors =
        SourceConnectors.create(
            TestSettings.against(source.baseUrl())
                .maxConcurrentCalls(2)
                .attemptTimeout(Duration.ofSeconds(2))
                .forAllSources(),
            WebClient.builder());
  }

  @AfterEach
  void disconnect() {
    connectors.close();
  }

  @Test
  void rejects_a_third_concurrent_call_at_once_while_two_are_in_flight() {
    List<SourceResult> results = verifyConcurrently(3);

    assertThat(results)
        .filteredOn(result -> result.status() == SourceStatus.OK)
        .hasSize(2)
        .allSatisfy(result -> assertThat(result.attempts()).isEqualTo(1));
    assertThat(results)
        .filteredOn(result -> result.status() == SourceStatus.UNAVAILABLE)
        .singleElement()
        .satisfies(
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(UnavailableReason.REJECTED);
              assertThat(rejected.attempts()).isZero();
            });
    source.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void admits_calls_again_once_the_ones_in_flight_have_finished() {
    verifyConcurrently(2);

    List<SourceResult> later = verifyConcurrently(2);

    assertThat(later).allSatisfy(result -> assertThat(result.status()).isEqualTo(SourceStatus.OK));
  }

  private List<SourceResult> verifyConcurrently(int calls) {
    Mono<List<SourceResult>> all =
        Flux.range(0, calls)
            .flatMap(
                i ->
                    connectors
                        .residencePermit()
                        .verify(QUERY, Results.within(Duration.ofSeconds(3))))
            .collectList();
    @SuppressWarnings("unchecked")
    List<SourceResult>[] results = new List[1];
    StepVerifier.create(all)
        .consumeNextWith(next -> results[0] = next)
        .expectComplete()
        .verify(Duration.ofSeconds(10));
    return results[0];
  }
}
