package gx.enrollment.mocks;

import static gx.enrollment.mocks.StubClient.body;
import static gx.enrollment.mocks.StubClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gx.enrollment.mocks.population.FamilyKeys;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The stubs refuse what the real sources refuse, with the contract's error body. */
class RequestChecksTests {

  private static GovernmentStubs stubs;
  private static StubClient client;

  @BeforeAll
  static void start() {
    stubs =
        GovernmentStubs.start(
            StubOptions.defaults().withToken(Upstream.REAL_ESTATE, "configured-real-estate-token"));
    client = new StubClient(stubs);
  }

  @AfterAll
  static void stop() {
    stubs.close();
  }

  @ParameterizedTest
  @EnumSource(Upstream.class)
  void refuses_a_request_without_a_bearer_token_with_401(Upstream upstream) {
    HttpRequest request =
        client.requestWithout(upstream, validBody(upstream), "Authorization").build();

    HttpResponse<String> response = client.send(request);

    assertError(response, 401, "UNAUTHORIZED");
  }

  @ParameterizedTest
  @EnumSource(Upstream.class)
  void refuses_another_upstreams_token_with_401(Upstream upstream) {
    Upstream other = Upstream.values()[(upstream.ordinal() + 1) % Upstream.values().length];
    HttpRequest request =
        client
            .request(upstream, validBody(upstream))
            .setHeader("Authorization", "Bearer " + stubs.token(other))
            .build();

    assertError(client.send(request), 401, "UNAUTHORIZED");
  }

  @Test
  void accepts_only_the_configured_token() {
    HttpRequest withDefault =
        client
            .request(Upstream.REAL_ESTATE, validBody(Upstream.REAL_ESTATE))
            .setHeader("Authorization", "Bearer " + Upstream.REAL_ESTATE.defaultToken())
            .build();

    assertThat(stubs.token(Upstream.REAL_ESTATE)).isEqualTo("configured-real-estate-token");
    assertError(client.send(withDefault), 401, "UNAUTHORIZED");
    assertThat(client.post(Upstream.REAL_ESTATE, validBody(Upstream.REAL_ESTATE)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void refuses_a_basic_authorization_with_401() {
    HttpRequest request =
        client
            .request(Upstream.HOUSEHOLD, validBody(Upstream.HOUSEHOLD))
            .setHeader("Authorization", "Basic ZGV2LWhvdXNlaG9sZC10b2tlbg==")
            .build();

    assertError(client.send(request), 401, "UNAUTHORIZED");
  }

  @ParameterizedTest
  @EnumSource(Upstream.class)
  void refuses_a_request_without_request_id_with_400(Upstream upstream) {
    HttpRequest request =
        client.requestWithout(upstream, validBody(upstream), "X-Request-Id").build();

    assertError(client.send(request), 400, "MISSING_REQUEST_ID");
  }

  @Test
  void refuses_a_blank_request_id_with_400() {
    HttpRequest request =
        client
            .request(Upstream.HOUSEHOLD, validBody(Upstream.HOUSEHOLD))
            .setHeader("X-Request-Id", " ")
            .build();

    assertError(client.send(request), 400, "MISSING_REQUEST_ID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "MARKETING", "enrollment"})
  void refuses_any_purpose_but_enrollment_with_400(String purpose) {
    HttpRequest request =
        client
            .request(Upstream.HOUSEHOLD, validBody(Upstream.HOUSEHOLD))
            .setHeader("X-Purpose", purpose)
            .build();

    assertError(client.send(request), 400, "INVALID_PURPOSE");
  }

  @Test
  void refuses_a_request_without_purpose_with_400() {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    stubs.baseUrl(Upstream.SOCIAL_SECURITY) + Upstream.SOCIAL_SECURITY.path()))
            .header("Authorization", "Bearer " + stubs.token(Upstream.SOCIAL_SECURITY))
            .header("X-Request-Id", "r-1")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    StubClient.write(validBody(Upstream.SOCIAL_SECURITY))))
            .build();

    assertError(client.send(request), 400, "INVALID_PURPOSE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"child\": ", "not json", "[]", "", "{} {}"})
  void refuses_malformed_json_with_400(String body) {
    assertError(client.post(Upstream.HOUSEHOLD, body), 400, "MALFORMED_JSON");
  }

  @Test
  void refuses_a_missing_field_naming_it() {
    HttpResponse<String> response =
        client.post(
            Upstream.HOUSEHOLD,
            map(
                "child", map("name", "黄小明"),
                "guardian",
                    map("idNumber", "450702198803150020", "name", "黄丽", "relation", "MOTHER")));

    assertError(response, 400, "INVALID_FIELD");
    assertThat(body(response).get("message").asText()).contains("child.idNumber");
  }

  @Test
  void refuses_malformed_values_naming_the_field() {
    assertThat(message(Upstream.HOUSEHOLD, householdWith("450702201809120011", "MUM")))
        .contains("guardian.relation");
    assertThat(message(Upstream.HOUSEHOLD, householdWith("45070220180912001", "MOTHER")))
        .contains("child.idNumber");
    assertThat(
            message(
                Upstream.RESIDENCE_PERMIT,
                map("idNumber", "430621199001011234", "name", "韦强", "regionCode", "4507")))
        .contains("regionCode");
    assertThat(
            message(
                Upstream.REAL_ESTATE,
                map("ownerIdNumbers", List.of(), "certificateNumber", "桂(2022)钦州市不动产权第0012345号")))
        .contains("ownerIdNumbers");
    assertThat(message(Upstream.SMS, map("phone", "0771-7837802", "template", "ENROLLMENT_STATUS")))
        .contains("phone");
  }

  @Test
  void a_well_formed_id_with_a_wrong_check_character_is_simply_not_found() {
    HttpResponse<String> response =
        client.post(Upstream.HOUSEHOLD, householdWith("450702201809120012", "MOTHER"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body(response).at("/child/status").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void echoes_the_request_id() {
    HttpRequest request =
        client
            .request(Upstream.HOUSEHOLD, validBody(Upstream.HOUSEHOLD))
            .setHeader("X-Request-Id", "req-42")
            .build();

    assertThat(client.send(request).headers().firstValue("X-Request-Id")).hasValue("req-42");
  }

  @Test
  void answers_other_methods_with_405_and_other_paths_with_404() {
    HttpRequest get =
        HttpRequest.newBuilder(
                URI.create(stubs.baseUrl(Upstream.HOUSEHOLD) + Upstream.HOUSEHOLD.path()))
            .GET()
            .build();
    HttpRequest elsewhere =
        client
            .request(Upstream.HOUSEHOLD, validBody(Upstream.HOUSEHOLD))
            .uri(URI.create(stubs.baseUrl(Upstream.HOUSEHOLD) + "/hukou/v2/verify"))
            .build();

    assertError(client.send(get), 405, "METHOD_NOT_ALLOWED");
    assertError(client.send(elsewhere), 404, "NOT_FOUND");
  }

  private static String message(Upstream upstream, Object body) {
    HttpResponse<String> response = client.post(upstream, body);
    assertError(response, 400, "INVALID_FIELD");
    return body(response).get("message").asText();
  }

  private static void assertError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = body(response);
    assertThat(error.get("code").asText()).isEqualTo(code);
    assertThat(error.get("message").asText()).isNotBlank();
  }

  private static Object householdWith(String childId, String relation) {
    return map(
        "child", map("idNumber", childId, "name", "黄小明"),
        "guardian", map("idNumber", "450702198803150020", "name", "黄丽", "relation", relation));
  }

  private static Object validBody(Upstream upstream) {
    var family = stubs.population().family(FamilyKeys.MIGRANT_OWNER);
    return switch (upstream) {
      case HOUSEHOLD -> SourceRequests.household(family);
      case RESIDENCE_PERMIT, SOCIAL_SECURITY -> SourceRequests.guardianIn(family);
      case REAL_ESTATE -> SourceRequests.realEstate(family);
      case SMS -> SourceRequests.sms(family.phone());
    };
  }
}
