package gx.enrollment.connectors.realestate;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static gx.enrollment.connectors.testing.Results.checkOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import gx.enrollment.connectors.Check;
import gx.enrollment.connectors.CheckResult;
import gx.enrollment.connectors.Detail;
import gx.enrollment.connectors.Fact;
import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.RealEstateQuery;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.connectors.SourceStatus;
import gx.enrollment.connectors.UnavailableReason;
import gx.enrollment.connectors.testing.HttpWarmup;
import gx.enrollment.connectors.testing.Results;
import gx.enrollment.connectors.testing.TestSettings;
import java.time.Duration;
import java.util.List;
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

class RealEstateConnectorTests {

  @RegisterExtension
  static WireMockExtension realEstate =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private static final String CERTIFICATE = "桂(2022)钦州市不动产权第0012345号";

  private SourceConnectors connectors;

  @BeforeAll
  static void warmUp() {
    HttpWarmup.warmUp(realEstate);
  }

  @BeforeEach
  void connect() {
    connectors =
        SourceConnectors.create(
            TestSettings.against(realEstate.baseUrl()).forAllSources(), WebClient.builder());
  }

  @AfterEach
  void disconnect() {
    connectors.close();
  }

  @Test
  void sends_the_documented_request_without_the_region() {
    answer("{ \"status\": \"NOT_FOUND\" }");
    QueryContext context = Results.within(Duration.ofSeconds(3));

    verify(query("450702"), context);

    realEstate.verify(
        1,
        postRequestedFor(urlEqualTo("/real-estate/v1/verify"))
            .withHeader("Authorization", equalTo("Bearer " + TestSettings.TOKEN))
            .withHeader("X-Request-Id", equalTo(context.requestId()))
            .withHeader("X-Purpose", equalTo("ENROLLMENT"))
            .withHeader("X-Consent-Id", equalTo(context.consentId()))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Accept", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    { "ownerIdNumbers": ["450702198803150020", "45070219870101001X"],
                      "certificateNumber": "桂(2022)钦州市不动产权第0012345号" }""")));
  }

  @Test
  void confirms_ownership_and_location_and_keeps_details_but_not_the_address() {
    answer(
        """
        { "status": "MATCH", "regionCode": "450702", "address": "钦州市钦南区某路1号",
          "ownerMatched": true, "registeredOn": "2022-03-18", "mortgaged": false }""");

    SourceResult result = verify(query("450702"));

    assertThat(result.status()).isEqualTo(SourceStatus.OK);
    assertThat(result.source()).isEqualTo(Source.REAL_ESTATE);
    assertThat(result.checks())
        .containsExactly(
            Check.of(Fact.PROPERTY_OWNERSHIP, CheckResult.MATCH),
            Check.of(Fact.PROPERTY_LOCATION, CheckResult.MATCH));
    assertThat(result.details())
        .isEqualTo(
            Map.of(
                Detail.PROPERTY_REGION, "450702",
                Detail.PROPERTY_REGISTERED_ON, "2022-03-18",
                Detail.PROPERTY_MORTGAGED, "false"));
    assertThat(result.toString()).doesNotContain("某路");
  }

  @ParameterizedTest
  @CsvSource({
    "450702, 450702, MATCH",
    "450702, 450703, OTHER_REGION",
    "450700, 450703, MATCH",
    "450700, 450800, OTHER_REGION",
    "450703, 450700, OTHER_REGION"
  })
  void judges_the_location_against_the_region_applied_for(
      String applied, String property, CheckResult expected) {
    answer("{ \"status\": \"MATCH\", \"regionCode\": \"" + property + "\" }");

    Check location = checkOf(verify(query(applied)), Fact.PROPERTY_LOCATION);

    assertThat(location.result()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"OWNER_MISMATCH, OWNER_MISMATCH", "NOT_FOUND, NOT_FOUND", "SEALED, SEALED"})
  void maps_every_other_documented_status_without_judging_location(
      String status, CheckResult expected) {
    answer("{ \"status\": \"" + status + "\", \"regionCode\": \"450703\" }");

    SourceResult result = verify(query("450702"));

    assertThat(result.checks()).containsExactly(Check.of(Fact.PROPERTY_OWNERSHIP, expected));
  }

  @Test
  void leaves_a_sealed_property_to_reviewers() {
    answer("{ \"status\": \"SEALED\" }");

    Check ownership = checkOf(verify(query("450702")), Fact.PROPERTY_OWNERSHIP);

    assertThat(ownership.result().verdict()).isEqualTo(CheckResult.Verdict.UNDETERMINED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{ \"status\": \"MORTGAGED\" }",
        "{ \"status\": \"MATCH\" }",
        "{ \"status\": \"MATCH\", \"regionCode\": \"\" }",
        "{ \"status\": \"MATCH\", \"regionCode\": \"450702\", \"mortgaged\": \"no\" }",
        "{ \"status\": \"MATCH\", \"regionCode\": \"450702\", \"registeredOn\": \"2022-02-30\" }",
        "{ \"status\": true }",
        "",
      })
  void reports_an_undocumented_answer_as_bad_response(String body) {
    answer(body);

    SourceResult result = verify(query("450702"));

    assertThat(result.status()).isEqualTo(SourceStatus.UNAVAILABLE);
    assertThat(result.reason()).isEqualTo(UnavailableReason.BAD_RESPONSE);
  }

  private static RealEstateQuery query(String regionCode) {
    return new RealEstateQuery(
        List.of("450702198803150020", "45070219870101001X"), CERTIFICATE, regionCode);
  }

  private static void answer(String body) {
    realEstate.stubFor(post("/real-estate/v1/verify").willReturn(okJson(body)));
  }

  private SourceResult verify(RealEstateQuery query) {
    return verify(query, Results.within(Duration.ofSeconds(3)));
  }

  private SourceResult verify(RealEstateQuery query, QueryContext context) {
    SourceResult[] result = new SourceResult[1];
    StepVerifier.create(connectors.realEstate().verify(query, context))
        .consumeNextWith(next -> result[0] = next)
        .verifyComplete();
    return result[0];
  }
}
