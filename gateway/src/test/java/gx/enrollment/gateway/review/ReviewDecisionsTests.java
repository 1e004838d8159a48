package gx.enrollment.gateway.review;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.StubbedGateway;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/** Reviewers' decisions: applied through the status machine, recorded once, rejected if unfit. */
class ReviewDecisionsTests extends StubbedGateway {

  @Test
  void accepting_moves_the_application_in_progress_and_announces_it() {
    String id = submit("local-simple");

    JsonNode record = decide(decision("d-accept-1", id, "ACCEPT")).getResponseBody();

    assertThat(record.get("outcome").asText()).isEqualTo("APPLIED");
    assertThat(record.get("toStatus").asText()).isEqualTo("IN_PROGRESS");
    assertThat(status(id)).isEqualTo("IN_PROGRESS");
    assertThat(
            values(
                "select actor from application_status_history where application_id = '"
                    + id
                    + "' order by id"))
        .containsExactly("SYSTEM", "SYSTEM", "REVIEWER:r-7");
    assertThat(
            value(
                "select payload->'payload'->>'notifyGuardian' from outbox where event_key = '"
                    + id
                    + "' order by id desc limit 1"))
        .isEqualTo("true");
  }

  @Test
  void a_repeated_decision_changes_nothing_and_gets_the_first_record() {
    String id = submit("local-simple");
    String first = decide(decision("d-repeat", id, "ACCEPT")).getResponseBody().toString();

    String second = decide(decision("d-repeat", id, "ACCEPT")).getResponseBody().toString();

    assertThat(second).isEqualTo(first);
    assertThat(
            value(
                "select count(*) from application_status_history where application_id = '"
                    + id
                    + "'"))
        .isEqualTo("3");
  }

  @Test
  void a_decision_that_does_not_fit_the_status_is_recorded_as_rejected_not_applied() {
    String id = submit("junior-local");

    JsonNode record = decide(completion("d-too-early", id, true)).getResponseBody();

    assertThat(record.get("outcome").asText()).isEqualTo("REJECTED");
    assertThat(record.get("note").asText()).contains("PENDING_ACCEPTANCE");
    assertThat(status(id)).isEqualTo("PENDING_ACCEPTANCE");
    assertThat(value("select outcome from review_decisions where decision_id = 'd-too-early'"))
        .isEqualTo("REJECTED");
  }

  @Test
  void supplements_then_return_frees_the_child_for_a_new_application() {
    String id = submit("migrant-renter");
    Map<String, Object> supplement = decision("d-supp", id, "REQUEST_SUPPLEMENT");
    supplement.put("reason", "居住证照片不清晰");
    supplement.put("supplements", List.of("居住证正反面照片"));

    JsonNode asked = decide(supplement).getResponseBody();
    Map<String, Object> back = decision("d-return", id, "RETURN");
    back.put("reason", "未按要求补正");
    JsonNode returned = decide(back).getResponseBody();

    assertThat(asked.get("toStatus").asText()).isEqualTo("NEEDS_SUPPLEMENT");
    assertThat(asked.get("note").asText()).contains("居住证正反面照片");
    assertThat(returned.get("toStatus").asText()).isEqualTo("RETURNED");
    assertThat(submit("migrant-renter")).isNotEqualTo(id);
  }

  @Test
  void completing_an_accepted_application_records_the_admission() {
    String id = submit("local-owner");
    decide(decision("d-a", id, "ACCEPT"));

    JsonNode record = decide(completion("d-c", id, true)).getResponseBody();

    assertThat(record.get("toStatus").asText()).isEqualTo("COMPLETED");
    assertThat(record.get("note").asText()).isEqualTo("录取：钦州市第一小学");
    assertThat(status(id)).isEqualTo("COMPLETED");
  }

  @Test
  void refuses_an_incomplete_decision_naming_every_bad_field() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("decisionId", "bad id!");
    body.put("applicationId", "nope");
    body.put("decision", "APPROVE");

    EntityExchangeResult<JsonNode> refused = decide(body);

    assertThat(refused.getStatus().value()).isEqualTo(400);
    assertThat(refused.getResponseBody().get("errors"))
        .extracting(e -> e.get("field").asText())
        .containsExactlyInAnyOrder("decisionId", "applicationId", "decision", "reviewer");
  }

  @Test
  void answers_404_for_an_unknown_application() {
    assertThat(decide(decision("d-x", UUID.randomUUID().toString(), "ACCEPT")).getStatus().value())
        .isEqualTo(404);
  }

  private String submit(String familyKey) {
    return submitted(stubs.population().family(familyKey));
  }

  private String status(String id) {
    return value("select status from applications where id = '" + id + "'");
  }

  private static Map<String, Object> decision(String decisionId, String id, String decision) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("decisionId", decisionId);
    body.put("applicationId", id);
    body.put("decision", decision);
    body.put("reviewer", "r-7");
    return body;
  }

  private static Map<String, Object> completion(String decisionId, String id, boolean admitted) {
    Map<String, Object> body = decision(decisionId, id, "COMPLETE");
    body.put("admitted", admitted);
    body.put("school", "钦州市第一小学");
    return body;
  }

  private EntityExchangeResult<JsonNode> decide(Map<String, Object> body) {
    return client
        .post()
        .uri("/api/v1/review/decisions")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectBody(JsonNode.class)
        .returnResult();
  }
}
