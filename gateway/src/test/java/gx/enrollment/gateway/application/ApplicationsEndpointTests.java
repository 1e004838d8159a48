package gx.enrollment.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.mocks.population.Family;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/** Reading an application back (我的办件) and withdrawing it (撤回) as the seed's table allows. */
class ApplicationsEndpointTests extends StubbedGateway {

  @Test
  void reads_an_application_with_its_history_and_reports_identifiers_masked() {
    Family family = stubs.population().family("migrant-renter");
    String id = submitted(family);

    JsonNode view = get(id).getResponseBody();

    assertThat(view.get("status").asText()).isEqualTo("PENDING_ACCEPTANCE");
    assertThat(view.get("statusLabel").asText()).isEqualTo("待受理");
    assertThat(view.get("history"))
        .extracting(line -> line.get("to").asText())
        .containsExactly("RECEIVED", "PENDING_ACCEPTANCE");
    assertThat(view.get("reports")).hasSize(1);
    assertThat(view.at("/form/student/name").asText()).isEqualTo(family.declaredChildName());
    assertThat(view.at("/form/student/idNumber").asText()).contains("*");
    assertThat(view.toString())
        .doesNotContain(family.child().idNumber())
        .doesNotContain(family.guardian().idNumber())
        .doesNotContain(family.phone());
  }

  @Test
  void withdraws_while_pending_acceptance_which_frees_the_child() {
    Family family = stubs.population().family("local-simple");
    String id = submitted(family);

    JsonNode view = withdraw(id, Map.of("reason", "改为线下报名")).getResponseBody();

    assertThat(view.get("status").asText()).isEqualTo("WITHDRAWN");
    JsonNode last = view.get("history").get(2);
    assertThat(last.get("to").asText()).isEqualTo("WITHDRAWN");
    assertThat(last.get("actor").asText()).isEqualTo("PARENT");
    assertThat(last.get("reason").asText()).isEqualTo("改为线下报名");
    assertThat(
            values(
                "select payload->'payload'->>'to' from outbox where event_key = '"
                    + id
                    + "' and topic = 'enrollment.application.status-changed' order by id"))
        .containsExactly("RECEIVED", "PENDING_ACCEPTANCE", "WITHDRAWN");
    assertThat(submitted(family)).isNotEqualTo(id);
  }

  @Test
  void refuses_a_second_withdrawal_naming_the_status() {
    String id = submitted(stubs.population().family("junior-local"));
    withdraw(id, Map.of("reason", "不再报名"));

    EntityExchangeResult<JsonNode> refused = withdraw(id, Map.of("reason", "again"));

    assertThat(refused.getStatus().value()).isEqualTo(409);
    assertThat(refused.getResponseBody().get("type").asText()).endsWith("/status-conflict");
    assertThat(refused.getResponseBody().get("currentStatus").asText()).isEqualTo("WITHDRAWN");
  }

  @Test
  void refuses_a_withdrawal_once_in_progress() {
    String id = submitted(stubs.population().family("local-owner"));
    db.sql("update applications set status = 'IN_PROGRESS' where id = '" + id + "'").then().block();

    EntityExchangeResult<JsonNode> refused = withdraw(id, Map.of("reason", "不想等了"));

    assertThat(refused.getStatus().value()).isEqualTo(409);
    assertThat(refused.getResponseBody().get("currentStatusLabel").asText()).isEqualTo("办理中");
    assertThat(
            value(
                "select count(*) from application_status_history where application_id = '"
                    + id
                    + "'"))
        .isEqualTo("2");
  }

  @Test
  void refuses_a_withdrawal_without_a_reason_and_changes_nothing() {
    String id = submitted(stubs.population().family("priority-category"));

    EntityExchangeResult<JsonNode> refused = withdraw(id, Map.of("reason", "  "));

    assertThat(refused.getStatus().value()).isEqualTo(400);
    assertThat(refused.getResponseBody().at("/errors/0/field").asText()).isEqualTo("reason");
    assertThat(value("select status from applications where id = '" + id + "'"))
        .isEqualTo("PENDING_ACCEPTANCE");
  }

  @Test
  void shows_the_result_once_completed_and_not_before() {
    String id = submitted(stubs.population().family("local-simple"));
    EntityExchangeResult<JsonNode> early = result(id);
    review(id, Map.of("decisionId", "r1-" + id, "decision", "ACCEPT"));
    review(
        id,
        Map.of(
            "decisionId",
            "r2-" + id,
            "decision",
            "COMPLETE",
            "admitted",
            true,
            "school",
            "忻城县实验小学"));

    JsonNode done = result(id).getResponseBody();

    assertThat(early.getStatus().value()).isEqualTo(409);
    assertThat(early.getResponseBody().get("currentStatus").asText())
        .isEqualTo("PENDING_ACCEPTANCE");
    assertThat(done.get("admitted").asBoolean()).isTrue();
    assertThat(done.get("school").asText()).isEqualTo("忻城县实验小学");
  }

  @Test
  void takes_one_rating_per_application() {
    String id = submitted(stubs.population().family("junior-local"));

    EntityExchangeResult<JsonNode> first = rate(id, Map.of("score", 5, "comment", "一次都不用跑"));
    EntityExchangeResult<JsonNode> second = rate(id, Map.of("score", 1));
    EntityExchangeResult<JsonNode> outOfRange = rate(id, Map.of("score", 6));

    assertThat(first.getStatus().value()).isEqualTo(200);
    assertThat(first.getResponseBody().get("score").asInt()).isEqualTo(5);
    assertThat(second.getStatus().value()).isEqualTo(409);
    assertThat(second.getResponseBody().get("type").asText()).endsWith("/already-rated");
    assertThat(outOfRange.getStatus().value()).isEqualTo(400);
    assertThat(value("select score from ratings where application_id = '" + id + "'"))
        .isEqualTo("5");
  }

  @Test
  void answers_404_for_an_application_that_does_not_exist() {
    assertThat(get(UUID.randomUUID().toString()).getStatus().value()).isEqualTo(404);
    assertThat(get("not-a-uuid").getStatus().value()).isEqualTo(404);
    assertThat(withdraw(UUID.randomUUID().toString(), Map.of("reason", "x")).getStatus().value())
        .isEqualTo(404);
  }

  private EntityExchangeResult<JsonNode> result(String id) {
    return client
        .get()
        .uri("/api/v1/applications/{id}/result", id)
        .exchange()
        .expectBody(JsonNode.class)
        .returnResult();
  }

  private EntityExchangeResult<JsonNode> rate(String id, Map<String, Object> body) {
    return client
        .post()
        .uri("/api/v1/applications/{id}/rating", id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectBody(JsonNode.class)
        .returnResult();
  }

  private void review(String id, Map<String, Object> decision) {
    Map<String, Object> body = new java.util.HashMap<>(decision);
    body.put("applicationId", id);
    body.put("reviewer", "r-1");
    client
        .post()
        .uri("/api/v1/review/decisions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isOk();
  }

  private EntityExchangeResult<JsonNode> get(String id) {
    return client
        .get()
        .uri("/api/v1/applications/{id}", id)
        .exchange()
        .expectBody(JsonNode.class)
        .returnResult();
  }

  private EntityExchangeResult<JsonNode> withdraw(String id, Map<String, Object> body) {
    return client
        .post()
        .uri("/api/v1/applications/{id}/withdrawal", id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectBody(JsonNode.class)
        .returnResult();
  }
}
