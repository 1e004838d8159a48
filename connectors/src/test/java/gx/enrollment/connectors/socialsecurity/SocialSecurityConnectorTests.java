package gx.enrollment.connectors.socialsecurity;

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
import gx.enrollment.connectors.Person;
import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.SocialSecurityQuery;
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

class SocialSecurityConnectorTests {

  @RegisterExtension
  static WireMockExtension socialSecurity =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private static final Person GUARDIAN = new Person("430621199001011234", "韦强");
  private static final SocialSecurityQuery TWELVE_MONTHS_POLICY =
      new SocialSecurityQuery(GUARDIAN, "450702", 12);

  private SourceConnectors connectors;

  @BeforeAll
  static void warmUp() {
    HttpWarmup.warmUp(socialSecurity);
  }

  @BeforeEach
  void connect() {
    connectors =
        SourceConnectors.create(
            TestSettings.against(socialSecurity.baseUrl()).forAllSources(), WebClient.builder());
  }

  @AfterEach
  void disconnect() {
    connectors.close();
  }

  @Test
  void sends_the_documented_request_without_the_policy_minimum() {
    answer("{ \"status\": \"NOT_FOUND\" }");
    QueryContext context = Results.within(Duration.ofSeconds(3));

    verify(TWELVE_MONTHS_POLICY, context);

    socialSecurity.verify(
        1,
        postRequestedFor(urlEqualTo("/social-security/v1/verify"))
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
  void confirms_employment_and_period_and_keeps_details_but_not_the_employer() {
    answer(
        """
        { "status": "CONTRIBUTING", "regionCode": "450702", "employer": "钦州港某物流有限公司",
          "continuousMonths": 26, "lastPaidMonth": "2024-05" }""");

    SourceResult result = verify(TWELVE_MONTHS_POLICY);

    assertThat(result.status()).isEqualTo(SourceStatus.OK);
    assertThat(result.source()).isEqualTo(Source.SOCIAL_SECURITY);
    assertThat(result.checks())
        .containsExactly(
            Check.of(Fact.EMPLOYMENT, CheckResult.MATCH),
            new Check(Fact.CONTRIBUTION_PERIOD, CheckResult.MATCH, "26 个月（政策要求 12 个月）"));
    assertThat(result.details())
        .isEqualTo(
            Map.of(
                Detail.CONTRIBUTION_REGION, "450702",
                Detail.CONTINUOUS_MONTHS, "26",
                Detail.LAST_PAID_MONTH, "2024-05"));
    assertThat(result.toString()).doesNotContain("物流");
  }

  @ParameterizedTest
  @CsvSource({"11, INSUFFICIENT", "12, MATCH", "13, MATCH", "0, INSUFFICIENT"})
  void judges_the_contribution_period_against_the_region_policy(int months, CheckResult expected) {
    answer(
        """
        { "status": "CONTRIBUTING", "regionCode": "450702", "continuousMonths": %d }"""
            .formatted(months));

    Check period = checkOf(verify(TWELVE_MONTHS_POLICY), Fact.CONTRIBUTION_PERIOD);

    assertThat(period.result()).isEqualTo(expected);
    assertThat(period.detail()).isEqualTo(months + " 个月（政策要求 12 个月）");
  }

  @Test
  void reports_eight_of_twelve_months_as_insufficient() {
    answer("{ \"status\": \"CONTRIBUTING\", \"continuousMonths\": 8 }");

    Check period = checkOf(verify(TWELVE_MONTHS_POLICY), Fact.CONTRIBUTION_PERIOD);

    assertThat(period)
        .isEqualTo(
            new Check(Fact.CONTRIBUTION_PERIOD, CheckResult.INSUFFICIENT, "8 个月（政策要求 12 个月）"));
  }

  @ParameterizedTest
  @CsvSource({
    "LAPSED, LAPSED",
    "OTHER_REGION, OTHER_REGION",
    "NAME_MISMATCH, NAME_MISMATCH",
    "NOT_FOUND, NOT_FOUND"
  })
  void maps_every_other_documented_status_to_a_contradiction(String status, CheckResult expected) {
    answer("{ \"status\": \"" + status + "\" }");

    SourceResult result = verify(TWELVE_MONTHS_POLICY);

    assertThat(result.checks()).containsExactly(Check.of(Fact.EMPLOYMENT, expected));
  }

  @Test
  void judges_the_period_of_a_lapsed_record_when_the_months_are_given() {
    answer("{ \"status\": \"LAPSED\", \"continuousMonths\": 30, \"lastPaidMonth\": \"2023-01\" }");

    SourceResult result = verify(TWELVE_MONTHS_POLICY);

    assertThat(checkOf(result, Fact.EMPLOYMENT).result()).isEqualTo(CheckResult.LAPSED);
    assertThat(checkOf(result, Fact.CONTRIBUTION_PERIOD).result()).isEqualTo(CheckResult.MATCH);
    assertThat(result.details()).containsEntry(Detail.LAST_PAID_MONTH, "2023-01");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{ \"status\": \"RETIRED\" }",
        "{ \"status\": \"CONTRIBUTING\", \"regionCode\": \"450702\" }",
        "{ \"status\": \"CONTRIBUTING\", \"continuousMonths\": \"26\" }",
        "{ \"status\": \"CONTRIBUTING\", \"continuousMonths\": -1 }",
        "{ \"status\": \"CONTRIBUTING\", \"continuousMonths\": 2.5 }",
        "{ \"status\": \"CONTRIBUTING\", \"continuousMonths\": 26, \"lastPaidMonth\": \"May\" }",
        "{ \"continuousMonths\": 26 }",
        "not json",
      })
  void reports_an_undocumented_answer_as_bad_response(String body) {
    answer(body);

    SourceResult result = verify(TWELVE_MONTHS_POLICY);

    assertThat(result.status()).isEqualTo(SourceStatus.UNAVAILABLE);
    assertThat(result.reason()).isEqualTo(UnavailableReason.BAD_RESPONSE);
  }

  private static void answer(String body) {
    socialSecurity.stubFor(post("/social-security/v1/verify").willReturn(okJson(body)));
  }

  private SourceResult verify(SocialSecurityQuery query) {
    return verify(query, Results.within(Duration.ofSeconds(3)));
  }

  private SourceResult verify(SocialSecurityQuery query, QueryContext context) {
    SourceResult[] result = new SourceResult[1];
    StepVerifier.create(connectors.socialSecurity().verify(query, context))
        .consumeNextWith(next -> result[0] = next)
        .verifyComplete();
    return result[0];
  }
}
