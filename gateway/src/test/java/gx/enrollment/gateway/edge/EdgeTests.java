package gx.enrollment.gateway.edge;

import static gx.enrollment.gateway.support.Submissions.formA;
import static gx.enrollment.gateway.support.Submissions.without;
import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.gateway.support.TestClients;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The edge's semantics on the running gateway: who is let in (401 vs 403), with which credential,
 * for which application or draft; request ids; secure headers; CORS; the actuator.
 */
class EdgeTests extends StubbedGateway {

  private static final String PROBLEMS = "https://enrollment.gx.example/problems/";

  private WebTestClient.ResponseSpec getAs(String path, String apiKey) {
    return client.get().uri(path).header(TestClients.HEADER, apiKey).exchange();
  }

  private WebTestClient.ResponseSpec getWithout(String path) {
    return anonymous.get().uri(path).exchange();
  }

  @Test
  void answers_401_with_a_challenge_to_a_stranger_and_403_to_a_client_calling_outside_its_role() {
    getWithout("/api/v1/regions")
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .value(
            HttpHeaders.WWW_AUTHENTICATE,
            v -> assertThat(v).contains("Bearer").contains("X-Api-Key"))
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "unauthenticated");

    getAs("/api/v1/regions", "wrong-key-of-some-length-000000")
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .exists(HttpHeaders.WWW_AUTHENTICATE);

    getAs("/api/v1/regions", TestClients.OPERATOR)
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "forbidden")
        .jsonPath("$.detail")
        .value(
            detail -> assertThat(detail.toString()).contains("test-operator").contains("regions"));

    getAs("/api/v1/regions", TestClients.PORTAL_QINZHOU).expectStatus().isOk();
  }

  @Test
  void takes_hs256_and_rs256_tokens_of_their_clients() {
    anonymous
        .get()
        .uri("/api/v1/regions")
        .header(
            HttpHeaders.AUTHORIZATION,
            "Bearer " + Tokens.hs256(Tokens.reviewer().build(), TestClients.REVIEWER_SECRET))
        .exchange()
        .expectStatus()
        .isOk();
    anonymous
        .get()
        .uri("/api/v1/regions")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.rs256(Tokens.rsPortal().build()))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void echoes_a_well_formed_request_id_and_makes_one_otherwise() {
    client
        .get()
        .uri("/api/v1/regions")
        .header("X-Request-Id", "portal-7f3a:0001")
        .exchange()
        .expectHeader()
        .valueEquals("X-Request-Id", "portal-7f3a:0001");

    String made =
        client
            .get()
            .uri("/api/v1/regions")
            .exchange()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Request-Id");
    assertThat(made).matches("[0-9a-f-]{36}");

    String replaced =
        client
            .get()
            .uri("/api/v1/regions")
            .header("X-Request-Id", "<script>alert(1)</script>")
            .exchange()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Request-Id");
    assertThat(replaced).matches("[0-9a-f-]{36}");

    // Refusals carry it too.
    getWithout("/api/v1/regions").expectHeader().exists("X-Request-Id");
  }

  @Test
  void sets_secure_headers_on_answers_and_on_refusals() {
    for (WebTestClient.ResponseSpec response :
        new WebTestClient.ResponseSpec[] {
          client.get().uri("/api/v1/regions").exchange(), getWithout("/api/v1/regions")
        }) {
      response
          .expectHeader()
          .valueEquals("X-Content-Type-Options", "nosniff")
          .expectHeader()
          .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
          .expectHeader()
          .valueEquals("X-Frame-Options", "DENY")
          .expectHeader()
          .value("Content-Security-Policy", v -> assertThat(v).contains("frame-ancestors 'none'"))
          .expectHeader()
          .valueEquals("Referrer-Policy", "no-referrer")
          .expectHeader()
          .value("Strict-Transport-Security", v -> assertThat(v).startsWith("max-age="));
    }
  }

  @Test
  void answers_a_cors_preflight_for_a_portal_origin_and_refuses_another() {
    anonymous
        .options()
        .uri("/api/v1/verifications")
        .header(HttpHeaders.ORIGIN, "http://localhost:3000")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Content-Type, X-Api-Key")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000")
        .expectHeader()
        .value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, v -> assertThat(v).contains("POST"));

    anonymous
        .options()
        .uri("/api/v1/verifications")
        .header(HttpHeaders.ORIGIN, "https://evil.example")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

    // The real request from the portal's origin carries the CORS answer too.
    client
        .get()
        .uri("/api/v1/regions")
        .header(HttpHeaders.ORIGIN, "http://localhost:3000")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000");
  }

  @Test
  void opens_only_the_health_probes_of_the_actuator_and_keeps_the_rest_for_operators() {
    // The summary and its components (breaker states) are for operators; the probes are open.
    getWithout("/actuator/health").expectStatus().isUnauthorized();
    getAs("/actuator/health", TestClients.OPERATOR)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.components.sources")
        .exists();
    getWithout("/actuator/health/liveness").expectStatus().isOk();
    getWithout("/actuator/health/readiness").expectStatus().isOk();
    getWithout("/actuator/info").expectStatus().isUnauthorized();
    getAs("/actuator/info", TestClients.PORTAL_QINZHOU).expectStatus().isForbidden();
    getAs("/actuator/info", TestClients.OPERATOR).expectStatus().isOk();
  }

  @Test
  void lets_a_client_read_only_applications_of_its_regions_and_records_who_filed_them() {
    String id =
        client
            .post()
            .uri("/api/v1/verifications")
            .header(TestClients.HEADER, TestClients.PORTAL_QINZHOU)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(formA())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody()
            .get("applicationId")
            .asText();

    assertThat(value("select client_id from applications where id = '" + id + "'"))
        .isEqualTo("test-portal-qinzhou");
    assertThat(values("select distinct client_id from source_query_audit"))
        .containsExactly("test-portal-qinzhou");

    getAs("/api/v1/applications/" + id, TestClients.PORTAL_QINZHOU).expectStatus().isOk();
    getAs("/api/v1/applications/" + id, TestClients.REVIEWER).expectStatus().isOk();
    getAs("/api/v1/applications/" + id, TestClients.OFFLINE_LAIBIN)
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat(d.toString()).doesNotContain("450702"));
    client
        .post()
        .uri("/api/v1/applications/" + id + "/withdrawal")
        .header(TestClients.HEADER, TestClients.OFFLINE_LAIBIN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reason", "改为线下报名"))
        .exchange()
        .expectStatus()
        .isForbidden();
    assertThat(value("select status from applications where id = '" + id + "'"))
        .isEqualTo("PENDING_ACCEPTANCE");
  }

  @Test
  void keeps_a_draft_to_the_client_that_made_it() {
    String draftId =
        client
            .post()
            .uri("/api/v1/applications/drafts")
            .header(TestClients.HEADER, TestClients.PORTAL_QINZHOU)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(without(formA(), "guardian"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody()
            .get("draftId")
            .asText();

    assertThat(value("select client_id from drafts")).isEqualTo("test-portal-qinzhou");
    getAs("/api/v1/applications/drafts/" + draftId, TestClients.PORTAL_QINZHOU)
        .expectStatus()
        .isOk();
    getAs("/api/v1/applications/drafts/" + draftId, TestClients.ALL).expectStatus().isForbidden();
  }

  @Test
  void refuses_unlisted_paths_and_methods_at_the_edge() {
    client
        .get()
        .uri("/api/v1/nothing-here")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    client
        .method(HttpMethod.DELETE)
        .uri("/api/v1/verifications")
        .exchange()
        .expectStatus()
        .isEqualTo(405)
        .expectHeader()
        .valueEquals(HttpHeaders.ALLOW, "POST");
  }
}
