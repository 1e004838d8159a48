package gx.enrollment.connectors.residencepermit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import gx.enrollment.connectors.Check;
import gx.enrollment.connectors.CheckResult;
import gx.enrollment.connectors.Detail;
import gx.enrollment.connectors.Fact;
import gx.enrollment.connectors.Person;
import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.ResidencePermitQuery;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.connectors.SourceStatus;
import gx.enrollment.connectors.UnavailableReason;
import gx.enrollment.connectors.testing.HttpWarmup;
import gx.enrollment.connectors.testing.Results;
import gx.enrollment.connectors.testing.TestSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

class ResidencePermitConnectorTests {

  @RegisterExtension
  static WireMockExtension permits =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private static final ResidencePermitQuery QUERY =
      new ResidencePermitQuery(new Person("430621199001011234", "韦强"), "450702");

  private SourceConnectors connectors;

  @BeforeAll
  static void warmUp() {
    HttpWarmup.warmUp(permits);
  }

  @BeforeEach
  void connect() {
    connectors =
        SourceConnectors.create(
            TestSettings.against(permits.baseUrl()).forAllSources(), WebClient.builder());
  }

  @AfterEach
  void disconnect() {
    connectors.close();
  }

  @Test
  void sends_the_documented_request_with_token_request_id_and_purpose() {
    answer("{ \"status\": \"NOT_FOUND\" }");
    QueryContext context = Results.within(Duration.ofSeconds(3));

    verify(context);

    permits.verify(
        1,
        postRequestedFor(urlEqualTo("/residence-permit/v1/verify"))
            .withHeader("Authorization", equalTo("Bearer " + TestSettings.TOKEN))
            .withHeader("X-Request-Id", equalTo(context.requestId()))
            .withHeader("X-Purpose", equalTo("ENROLLMENT"))
            .withHeader("X-Consent-Id", equalTo(context.consentId()))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Accept", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    { "idNumber": "430621199001011234", "name": "韦强", "regionCode": "450702" }""")));
  }

  @Test
  void confirms_a_valid_permit_and_keeps_its_region_and_dates() {
    answer(
        """
        { "status": "VALID", "regionCode": "450702",
          "validFrom": "2021-06-01", "validTo": "2027-05-31" }""");

    SourceResult result = verify();

    assertThat(result.status()).isEqualTo(SourceStatus.OK);
    assertThat(result.source()).isEqualTo(Source.RESIDENCE_PERMIT);
    assertThat(result.checks()).containsExactly(Check.of(Fact.RESIDENCE_PERMIT, CheckResult.MATCH));
    assertThat(result.details())
        .isEqualTo(
            Map.of(
                Detail.PERMIT_REGION, "450702",
                Detail.PERMIT_VALID_FROM, "2021-06-01",
                Detail.PERMIT_VALID_TO, "2027-05-31"));
  }

  @ParameterizedTest
  @CsvSource({
    "EXPIRED, EXPIRED",
    "OTHER_REGION, OTHER_REGION",
    "NAME_MISMATCH, NAME_MISMATCH",
    "NOT_FOUND, NOT_FOUND"
  })
  void maps_every_other_documented_status_to_a_contradiction(String status, CheckResult expected) {
    answer("{ \"status\": \"" + status + "\" }");

    SourceResult result = verify();

    assertThat(result.checks()).containsExactly(Check.of(Fact.RESIDENCE_PERMIT, expected));
    assertThat(expected.verdict()).isEqualTo(CheckResult.Verdict.CONTRADICTED);
  }

  @Test
  void maps_expired_permit_to_contradiction_and_keeps_its_dates() {
    answer(
        """
        { "status": "EXPIRED", "regionCode": "450702",
          "validFrom": "2019-06-01", "validTo": "2023-05-31" }""");

    SourceResult result = verify();

    assertThat(result.checks())
        .containsExactly(Check.of(Fact.RESIDENCE_PERMIT, CheckResult.EXPIRED));
    assertThat(result.details()).containsEntry(Detail.PERMIT_VALID_TO, "2023-05-31");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{ \"status\": \"REVOKED\" }",
        "{ \"status\": \"valid\" }",
        "{ \"regionCode\": \"450702\" }",
        "{ \"status\": null }",
        "{ \"status\": [\"VALID\"] }",
        "{ \"status\": \"VALID\", \"validTo\": \"31/05/2027\" }",
        "{ \"status\": \"VALID\", \"regionCode\": 450702 }",
        "{ \"status\": \"VALID\", \"regionCode\": \"4507\" }",
        "{ \"status\": \"VALID\" } trailing",
        "{ \"status\": \"NOT_FOUND\", \"status\": \"VALID\" }",
        "VALID",
      })
  void reports_an_undocumented_answer_as_bad_response(String body) {
    answer(body);

    SourceResult result = verify();

    assertThat(result.status()).isEqualTo(SourceStatus.UNAVAILABLE);
    assertThat(result.reason()).isEqualTo(UnavailableReason.BAD_RESPONSE);
    assertThat(result.checks()).isEmpty();
  }

  private static void answer(String body) {
    permits.stubFor(post("/residence-permit/v1/verify").willReturn(okJson(body)));
  }

  private SourceResult verify() {
    return verify(Results.within(Duration.ofSeconds(3)));
  }

  private SourceResult verify(QueryContext context) {
    SourceResult[] result = new SourceResult[1];
    StepVerifier.create(connectors.residencePermit().verify(QUERY, context))
        .consumeNextWith(next -> result[0] = next)
        .verifyComplete();
    return result[0];
  }
}
