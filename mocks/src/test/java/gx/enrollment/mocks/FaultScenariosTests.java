package gx.enrollment.mocks;

import static gx.enrollment.mocks.StubClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gx.enrollment.mocks.population.Family;
import gx.enrollment.mocks.population.FamilyKeys;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every fault scenario has its effect, from Java and over the admin API, and clears again. */
class FaultScenariosTests {

  private static GovernmentStubs stubs;
  private static StubClient client;
  private static Family family;

  @BeforeAll
  static void start() {
    stubs = GovernmentStubs.start();
    client = new StubClient(stubs);
    family = stubs.population().family(FamilyKeys.MIGRANT_OWNER);
  }

  @AfterAll
  static void stop() {
    stubs.close();
  }

  @BeforeEach
  void noFaults() {
    stubs.clearFaults();
  }

  @Test
  void service_unavailable_answers_503_with_an_error_body() {
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.serviceUnavailable());

    HttpResponse<String> response = household();

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(body(response).get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
  }

  @Test
  void too_many_requests_answers_429_with_retry_after() {
    stubs.fault(Upstream.SOCIAL_SECURITY, FaultScenario.tooManyRequests(2));

    HttpResponse<String> response =
        client.post(Upstream.SOCIAL_SECURITY, SourceRequests.guardianIn(family));

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
  }

  @Test
  void connection_reset_fails_the_exchange_without_a_response() {
    stubs.fault(Upstream.REAL_ESTATE, FaultScenario.connectionReset());
    HttpRequest request =
        client.request(Upstream.REAL_ESTATE, SourceRequests.realEstate(family)).build();

    assertThatThrownBy(() -> client.sendOrThrow(request)).isInstanceOf(IOException.class);
  }

  @Test
  void malformed_body_answers_200_with_a_body_that_is_not_json() {
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.malformedBody());

    HttpResponse<String> response = household();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> body(response))
        .hasRootCauseInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
  }

  @Test
  void undocumented_status_answers_a_status_the_contract_does_not_list() {
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.undocumentedStatus());
    stubs.fault(Upstream.RESIDENCE_PERMIT, FaultScenario.undocumentedStatus());

    JsonNode hukou = body(household());
    JsonNode permit =
        body(client.post(Upstream.RESIDENCE_PERMIT, SourceRequests.guardianIn(family)));

    assertThat(hukou.at("/child/status").asText()).isEqualTo("SUSPENDED");
    assertThat(hukou.at("/relation/status").asText()).isEqualTo("SUSPENDED");
    assertThat(permit.get("status").asText()).isEqualTo("SUSPENDED");
    assertThat(permit.get("validTo").isTextual()).isTrue();
  }

  @Test
  void missing_field_answers_json_without_status() {
    stubs.fault(Upstream.SOCIAL_SECURITY, FaultScenario.missingField());

    HttpResponse<String> response =
        client.post(Upstream.SOCIAL_SECURITY, SourceRequests.guardianIn(family));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body(response).has("status")).isFalse();
    assertThat(body(response).get("employer").isTextual()).isTrue();
  }

  @Test
  void flaky_fails_the_given_number_of_requests_then_answers() {
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.flaky(2));

    List<Integer> statuses =
        List.of(household().statusCode(), household().statusCode(), household().statusCode());

    assertThat(statuses).containsExactly(503, 503, 200);
  }

  @Test
  void latency_delays_the_real_answer() {
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.latency(Duration.ofMillis(300)));

    long started = System.nanoTime();
    HttpResponse<String> response = household();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body(response).at("/relation/status").asText()).isEqualTo("MATCH");
  }

  @Test
  void hang_keeps_the_client_waiting_past_its_timeout() {
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.hang());
    HttpRequest request =
        client
            .request(Upstream.HOUSEHOLD, SourceRequests.household(family))
            .timeout(Duration.ofMillis(300))
            .build();

    assertThatThrownBy(() -> client.sendOrThrow(request)).isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void a_fault_affects_only_its_upstream() {
    stubs.fault(Upstream.REAL_ESTATE, FaultScenario.serviceUnavailable());

    assertThat(household().statusCode()).isEqualTo(200);
  }

  @Test
  void faulted_requests_are_still_authenticated_when_answered_from_the_population() {
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.latency(Duration.ofMillis(10)));
    HttpRequest request =
        client
            .requestWithout(Upstream.HOUSEHOLD, SourceRequests.household(family), "Authorization")
            .build();

    assertThat(client.send(request).statusCode()).isEqualTo(401);
  }

  @ParameterizedTest
  @EnumSource(
      value = FaultScenario.Type.class,
      names = {"SERVICE_UNAVAILABLE", "MALFORMED_BODY", "UNDOCUMENTED_STATUS", "MISSING_FIELD"})
  void clear_faults_restores_the_real_answers(FaultScenario.Type type) {
    stubs.fault(Upstream.HOUSEHOLD, new FaultScenario(type, Duration.ZERO, 0, 0));

    stubs.clearFaults();

    HttpResponse<String> response = household();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body(response).at("/relation/status").asText()).isEqualTo("MATCH");
    assertThat(stubs.currentFault(Upstream.HOUSEHOLD)).isEqualTo(FaultScenario.none());
  }

  @Test
  void a_new_fault_replaces_the_previous_one() {
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.serviceUnavailable());

    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.tooManyRequests(1));

    assertThat(household().statusCode()).isEqualTo(429);
  }

  @Test
  void switches_a_fault_over_http() {
    HttpResponse<String> switched =
        client.admin(
            Upstream.HOUSEHOLD,
            "POST",
            "/ext/fault",
            "{\"type\":\"TOO_MANY_REQUESTS\",\"retryAfterSeconds\":3}");

    HttpResponse<String> faulted = household();

    assertThat(switched.statusCode()).isEqualTo(200);
    assertThat(body(switched).at("/fault/type").asText()).isEqualTo("TOO_MANY_REQUESTS");
    assertThat(faulted.statusCode()).isEqualTo(429);
    assertThat(faulted.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(stubs.currentFault(Upstream.HOUSEHOLD)).isEqualTo(FaultScenario.tooManyRequests(3));
  }

  @Test
  void switches_latency_and_flaky_over_http() {
    client.admin(Upstream.HOUSEHOLD, "POST", "/ext/fault", "{\"type\":\"LATENCY\",\"millis\":200}");
    client.admin(
        Upstream.SOCIAL_SECURITY, "POST", "/ext/fault", "{\"type\":\"FLAKY\",\"failures\":1}");

    assertThat(stubs.currentFault(Upstream.HOUSEHOLD))
        .isEqualTo(FaultScenario.latency(Duration.ofMillis(200)));
    assertThat(stubs.currentFault(Upstream.SOCIAL_SECURITY)).isEqualTo(FaultScenario.flaky(1));
  }

  @Test
  void clears_a_fault_over_http() {
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.serviceUnavailable());

    HttpResponse<String> cleared = client.admin(Upstream.HOUSEHOLD, "DELETE", "/ext/fault", "");

    assertThat(cleared.statusCode()).isEqualTo(200);
    assertThat(body(cleared).at("/fault/type").asText()).isEqualTo("NONE");
    assertThat(household().statusCode()).isEqualTo(200);
  }

  @Test
  void shows_the_current_fault_over_http() {
    stubs.fault(Upstream.REAL_ESTATE, FaultScenario.flaky(4));

    JsonNode shown = body(client.admin(Upstream.REAL_ESTATE, "GET", "/ext/fault", ""));

    assertThat(shown.get("upstream").asText()).isEqualTo("REAL_ESTATE");
    assertThat(shown.at("/fault/type").asText()).isEqualTo("FLAKY");
    assertThat(shown.at("/fault/failures").asInt()).isEqualTo(4);
  }

  @Test
  void refuses_an_unknown_fault_over_http() {
    HttpResponse<String> refused =
        client.admin(Upstream.HOUSEHOLD, "POST", "/ext/fault", "{\"type\":\"EARTHQUAKE\"}");
    HttpResponse<String> incomplete =
        client.admin(Upstream.HOUSEHOLD, "POST", "/ext/fault", "{\"type\":\"LATENCY\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(body(refused).get("code").asText()).isEqualTo("INVALID_FAULT");
    assertThat(incomplete.statusCode()).isEqualTo(400);
    assertThat(stubs.currentFault(Upstream.HOUSEHOLD)).isEqualTo(FaultScenario.none());
  }

  private static HttpResponse<String> household() {
    return client.post(Upstream.HOUSEHOLD, SourceRequests.household(family));
  }
}
