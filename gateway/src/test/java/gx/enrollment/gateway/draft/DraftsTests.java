package gx.enrollment.gateway.draft;

import static gx.enrollment.gateway.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.Families;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.gateway.support.Submissions;
import gx.enrollment.mocks.population.Family;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/** Drafts saved at any step and submitted when whole; 再办一单 from a closed application. */
class DraftsTests extends StubbedGateway {

  @Test
  void saves_a_draft_at_any_step_and_submits_it_when_whole() {
    Family family = stubs.population().family("local-owner");
    Map<String, Object> whole = Families.submission(family, "A");

    JsonNode created =
        send("POST", "/api/v1/applications/drafts", map("student", whole.get("student")), 201);
    String id = created.get("draftId").asText();
    send("PUT", "/api/v1/applications/drafts/" + id, whole, 200);
    JsonNode reopened = send("GET", "/api/v1/applications/drafts/" + id, null, 200);
    JsonNode answer = send("POST", "/api/v1/applications/drafts/" + id + "/submission", null, 200);

    assertThat(created.at("/form/student/name").asText()).isEqualTo(family.declaredChildName());
    assertThat(
            created.at("/form/guardian").isMissingNode() || created.at("/form/guardian").isNull())
        .isTrue();
    assertThat(reopened.at("/form/guardian/phone").asText()).isEqualTo(family.phone());
    assertThat(answer.get("outcome").asText()).isEqualTo("VERIFIED");
    JsonNode closed = send("GET", "/api/v1/applications/drafts/" + id, null, 200);
    assertThat(closed.get("submittedAs").asText()).isEqualTo(answer.get("applicationId").asText());
    JsonNode refused = send("PUT", "/api/v1/applications/drafts/" + id, whole, 409);
    assertThat(refused.get("type").asText()).endsWith("/status-conflict");
  }

  @Test
  void refuses_to_submit_an_incomplete_draft_naming_what_is_missing() {
    Map<String, Object> partial =
        Submissions.without(
            Families.submission(stubs.population().family("local-simple"), "B"), "guardian");
    String id = send("POST", "/api/v1/applications/drafts", partial, 201).get("draftId").asText();

    JsonNode refused = send("POST", "/api/v1/applications/drafts/" + id + "/submission", null, 400);

    assertThat(refused.get("errors").toString()).contains("\"field\":\"guardian\"");
    assertThat(send("GET", "/api/v1/applications/drafts/" + id, null, 200).has("submittedAs"))
        .isFalse();
    assertThat(value("select count(*) from applications")).isEqualTo("0");
  }

  @Test
  void copies_a_withdrawn_application_into_a_new_draft_that_can_be_submitted_again() {
    Family family = stubs.population().family("migrant-renter");
    JsonNode first = send("POST", "/api/v1/verifications", Families.submission(family, "A"), 200);
    String firstId = first.get("applicationId").asText();
    send("POST", "/api/v1/applications/" + firstId + "/withdrawal", map("reason", "信息填错"), 200);

    JsonNode copy = send("POST", "/api/v1/applications/" + firstId + "/resubmission", null, 201);
    String draftId = copy.get("draftId").asText();
    Map<String, Object> edited =
        Submissions.with(Families.submission(family, "A"), "guardian.phone", "13977709999");
    send("PUT", "/api/v1/applications/drafts/" + draftId, edited, 200);
    JsonNode second =
        send("POST", "/api/v1/applications/drafts/" + draftId + "/submission", null, 200);

    assertThat(copy.get("copiedFrom").asText()).isEqualTo(firstId);
    assertThat(copy.at("/form/student/idNumber").asText()).isEqualTo(family.child().idNumber());
    assertThat(copy.at("/form/guardian/phone").asText()).isEqualTo(family.phone());
    assertThat(second.get("applicationId").asText()).isNotEqualTo(firstId);
    assertThat(value("select status from applications where id = '" + firstId + "'"))
        .isEqualTo("WITHDRAWN");
    String everything = String.join("", values("select d::text from drafts d"));
    assertThat(everything).doesNotContain(family.child().idNumber()).doesNotContain(family.phone());
  }

  @Test
  void copies_only_a_returned_or_withdrawn_application() {
    JsonNode pending =
        send(
            "POST",
            "/api/v1/verifications",
            Families.submission(stubs.population().family("junior-local"), null),
            200);

    JsonNode refused =
        send(
            "POST",
            "/api/v1/applications/" + pending.get("applicationId").asText() + "/resubmission",
            null,
            409);

    assertThat(refused.get("currentStatus").asText()).isEqualTo("PENDING_ACCEPTANCE");
  }

  private JsonNode send(String method, String uri, Object body, int status) {
    var request = client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri);
    EntityExchangeResult<JsonNode> result =
        (body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange())
            .expectBody(JsonNode.class)
            .returnResult();
    assertThat(result.getStatus().value())
        .as("%s %s answered %s", method, uri, result.getResponseBody())
        .isEqualTo(status);
    return result.getResponseBody();
  }
}
