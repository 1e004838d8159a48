package gx.enrollment.connectors.household;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import gx.enrollment.connectors.HouseholdQuery;
import gx.enrollment.connectors.Person;
import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.Relation;
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

class HouseholdRegistrationConnectorTests {

  @RegisterExtension
  static WireMockExtension hukou =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private static final HouseholdQuery QUERY =
      new HouseholdQuery(
          new Person("450702201809120011", "黄小明"),
          new Person("450702198803150020", "黄丽"),
          Relation.MOTHER);

  private static final String MATCHED_PERSON =
      """
      { "status": "MATCH", "regionCode": "450702", "hukouType": "LOCAL" }""";

  private SourceConnectors connectors;

  @BeforeAll
  static void warmUp() {
    HttpWarmup.warmUp(hukou);
  }

  @BeforeEach
  void connect() {
    connectors =
        SourceConnectors.create(
            TestSettings.against(hukou.baseUrl()).forAllSources(), WebClient.builder());
  }

  @AfterEach
  void disconnect() {
    connectors.close();
  }

  @Test
  void sends_the_documented_request_with_token_request_id_and_purpose() {
    answer(MATCHED_PERSON, MATCHED_PERSON, "{ \"status\": \"MATCH\", \"sameHousehold\": true }");
    QueryContext context = Results.within(Duration.ofSeconds(3));

    verify(QUERY, context);

    hukou.verify(
        1,
        postRequestedFor(urlEqualTo("/hukou/v1/verify"))
            .withHeader("Authorization", equalTo("Bearer " + TestSettings.TOKEN))
            .withHeader("X-Request-Id", equalTo(context.requestId()))
            .withHeader("X-Purpose", equalTo("ENROLLMENT"))
            .withHeader("X-Consent-Id", equalTo(context.consentId()))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Accept", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    { "child":    { "idNumber": "450702201809120011", "name": "黄小明" },
                      "guardian": { "idNumber": "450702198803150020", "name": "黄丽",
                                    "relation": "MOTHER" } }""")));
  }

  @Test
  void confirms_all_three_facts_and_keeps_hukou_details_on_a_full_match() {
    answer(
        MATCHED_PERSON,
        """
        { "status": "MATCH", "regionCode": "450703", "hukouType": "NON_LOCAL" }""",
        "{ \"status\": \"MATCH\", \"sameHousehold\": true }");

    SourceResult result = verify(QUERY);

    assertThat(result.status()).isEqualTo(SourceStatus.OK);
    assertThat(result.source()).isEqualTo(Source.HOUSEHOLD);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.checks())
        .containsExactly(
            Check.of(Fact.CHILD_IDENTITY, CheckResult.MATCH),
            Check.of(Fact.GUARDIAN_IDENTITY, CheckResult.MATCH),
            Check.of(Fact.GUARDIANSHIP, CheckResult.MATCH));
    assertThat(result.details())
        .isEqualTo(
            Map.of(
                Detail.CHILD_HUKOU_TYPE, "LOCAL",
                Detail.CHILD_HUKOU_REGION, "450702",
                Detail.GUARDIAN_HUKOU_TYPE, "NON_LOCAL"));
  }

  @ParameterizedTest
  @CsvSource({"NAME_MISMATCH, NAME_MISMATCH", "NOT_FOUND, NOT_FOUND"})
  void maps_child_status_to_child_identity(String status, CheckResult expected) {
    answer(status(status), MATCHED_PERSON, "{ \"status\": \"UNKNOWN\" }");

    SourceResult result = verify(QUERY);

    assertThat(checkOf(result, Fact.CHILD_IDENTITY).result()).isEqualTo(expected);
    assertThat(checkOf(result, Fact.GUARDIAN_IDENTITY).result()).isEqualTo(CheckResult.MATCH);
    assertThat(result.details()).doesNotContainKeys(Detail.CHILD_HUKOU_TYPE);
  }

  @ParameterizedTest
  @CsvSource({"NAME_MISMATCH, NAME_MISMATCH", "NOT_FOUND, NOT_FOUND"})
  void maps_guardian_status_to_guardian_identity(String status, CheckResult expected) {
    answer(MATCHED_PERSON, status(status), "{ \"status\": \"UNKNOWN\" }");

    SourceResult result = verify(QUERY);

    assertThat(checkOf(result, Fact.GUARDIAN_IDENTITY).result()).isEqualTo(expected);
    assertThat(checkOf(result, Fact.CHILD_IDENTITY).result()).isEqualTo(CheckResult.MATCH);
    assertThat(result.details()).doesNotContainKeys(Detail.GUARDIAN_HUKOU_TYPE);
  }

  @ParameterizedTest
  @CsvSource({"MATCH, MATCH", "MISMATCH, MISMATCH", "UNKNOWN, UNKNOWN"})
  void maps_relation_status_to_guardianship(String status, CheckResult expected) {
    answer(MATCHED_PERSON, MATCHED_PERSON, status(status));

    SourceResult result = verify(QUERY);

    assertThat(checkOf(result, Fact.GUARDIANSHIP)).isEqualTo(Check.of(Fact.GUARDIANSHIP, expected));
  }

  @Test
  void keeps_guardianship_a_match_but_notes_separate_households() {
    answer(MATCHED_PERSON, MATCHED_PERSON, "{ \"status\": \"MATCH\", \"sameHousehold\": false }");

    Check guardianship = checkOf(verify(QUERY), Fact.GUARDIANSHIP);

    assertThat(guardianship.result()).isEqualTo(CheckResult.MATCH);
    assertThat(guardianship.detail()).isEqualTo("关系属实，但不在同一户");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // undocumented person status: a future value is never a match
        """
        { "child": { "status": "DECEASED" }, "guardian": %s, "relation": { "status": "UNKNOWN" } }""",
        // MATCH without hukouType
        """
        { "child": { "status": "MATCH", "regionCode": "450702" }, "guardian": %s,
          "relation": { "status": "MATCH" } }""",
        // MATCH without regionCode
        """
        { "child": %s, "guardian": { "status": "MATCH", "hukouType": "LOCAL" },
          "relation": { "status": "MATCH" } }""",
        // undocumented hukouType
        """
        { "child": { "status": "MATCH", "regionCode": "450702", "hukouType": "ABROAD" },
          "guardian": %s, "relation": { "status": "MATCH" } }""",
        // relation missing
        """
        { "child": %s, "guardian": %s }""",
        // undocumented relation status
        """
        { "child": %s, "guardian": %s, "relation": { "status": "MAYBE" } }""",
        // status of the wrong type
        """
        { "child": { "status": 1 }, "guardian": %s, "relation": { "status": "UNKNOWN" } }""",
        // sameHousehold of the wrong type
        """
        { "child": %s, "guardian": %s, "relation": { "status": "MATCH", "sameHousehold": "no" } }""",
        // a person that is not an object
        """
        { "child": "MATCH", "guardian": %s, "relation": { "status": "UNKNOWN" } }""",
        // not JSON
        "<html><body>Service Unavailable</body></html>",
        // JSON, but not an object
        "[]",
      })
  void reports_an_undocumented_answer_as_bad_response(String body) {
    hukou.stubFor(post("/hukou/v1/verify").willReturn(okJson(body.replace("%s", MATCHED_PERSON))));

    SourceResult result = verify(QUERY);

    assertThat(result.status()).isEqualTo(SourceStatus.UNAVAILABLE);
    assertThat(result.reason()).isEqualTo(UnavailableReason.BAD_RESPONSE);
    assertThat(result.checks()).isEmpty();
    assertThat(result.attempts()).isEqualTo(1);
  }

  @Test
  void reports_an_empty_body_as_bad_response() {
    hukou.stubFor(post("/hukou/v1/verify").willReturn(aResponse().withStatus(200)));

    assertThat(verify(QUERY).reason()).isEqualTo(UnavailableReason.BAD_RESPONSE);
  }

  private static String status(String status) {
    return "{ \"status\": \"" + status + "\" }";
  }

  private static void answer(String child, String guardian, String relation) {
    hukou.stubFor(
        post("/hukou/v1/verify")
            .willReturn(
                okJson(
                    "{ \"child\": %s, \"guardian\": %s, \"relation\": %s }"
                        .formatted(child, guardian, relation))));
  }

  private SourceResult verify(HouseholdQuery query) {
    return verify(query, Results.within(Duration.ofSeconds(3)));
  }

  private SourceResult verify(HouseholdQuery query, QueryContext context) {
    SourceResult[] result = new SourceResult[1];
    StepVerifier.create(connectors.household().verify(query, context))
        .consumeNextWith(next -> result[0] = next)
        .verifyComplete();
    return result[0];
  }
}
