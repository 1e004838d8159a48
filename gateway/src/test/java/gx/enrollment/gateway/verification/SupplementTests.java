package gx.enrollment.gateway.verification;

import static gx.enrollment.gateway.support.Submissions.with;
import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.Families;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.mocks.FaultScenario;
import gx.enrollment.mocks.Upstream;
import gx.enrollment.mocks.population.Family;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/** 补齐补正: the corrected form of an application waiting for a supplement, verified again. */
class SupplementTests extends StubbedGateway {

  @Test
  void a_corrected_certificate_is_verified_again_and_the_application_waits_for_acceptance() {
    Family family = stubs.population().family("local-owner");
    Map<String, Object> wrong =
        with(
            Families.submission(family, "A"),
            "residence.certificateNumber",
            "桂(2022)钦州市不动产权第9999999号");
    String id =
        post("/api/v1/verifications", wrong).getResponseBody().get("applicationId").asText();
    askForSupplement(id);
    stubs.resetCounters();

    EntityExchangeResult<JsonNode> answer =
        post("/api/v1/applications/" + id + "/supplement", Families.submission(family, "A"));

    assertThat(answer.getStatus().value()).isEqualTo(200);
    assertThat(answer.getResponseBody().get("outcome").asText()).isEqualTo("VERIFIED");
    // Only the changed question is asked again; the household answer that confirmed everything
    // is carried over, named in the answer, and leaves no audit record (no query was made).
    assertThat(stubs.requestCount(Upstream.REAL_ESTATE)).isEqualTo(1);
    assertThat(stubs.requestCount(Upstream.HOUSEHOLD)).isZero();
    assertThat(answer.getResponseBody().get("carriedOver").toString()).contains("HOUSEHOLD");
    assertThat(answer.getResponseBody().get("carriedOver").toString())
        .doesNotContain("REAL_ESTATE");
    assertThat(
            values(
                "select source from source_query_audit where verification_id = '"
                    + answer.getResponseBody().get("verificationId").asText()
                    + "'"))
        .containsExactly("REAL_ESTATE");
    assertThat(value("select status from applications where id = '" + id + "'"))
        .isEqualTo("PENDING_ACCEPTANCE");
    assertThat(
            values(
                "select outcome from verification_reports where application_id = '"
                    + id
                    + "' order by completed_at"))
        .containsExactly("INCONSISTENT", "VERIFIED");
    assertThat(
            values(
                "select to_status || ':' || actor from application_status_history where"
                    + " application_id = '"
                    + id
                    + "' order by id"))
        .containsExactly(
            "RECEIVED:SYSTEM",
            "PENDING_ACCEPTANCE:SYSTEM",
            "NEEDS_SUPPLEMENT:REVIEWER:r-9",
            "PENDING_ACCEPTANCE:PARENT");
  }

  @Test
  void a_source_that_contradicted_or_could_not_answer_is_asked_again_even_for_the_same_question() {
    Family family = stubs.population().family("local-owner");
    Map<String, Object> wrong =
        with(
            Families.submission(family, "A"),
            "residence.certificateNumber",
            "桂(2022)钦州市不动产权第9999999号");
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.serviceUnavailable());
    String id =
        post("/api/v1/verifications", wrong).getResponseBody().get("applicationId").asText();
    askForSupplement(id);
    stubs.clearFaults();
    stubs.resetCounters();

    // The same form again: the household could not answer, the real estate contradicted it (the
    // parent may have had the register corrected meanwhile); both are asked again.
    EntityExchangeResult<JsonNode> answer =
        post("/api/v1/applications/" + id + "/supplement", wrong);

    assertThat(answer.getStatus().value()).isEqualTo(200);
    assertThat(stubs.requestCount(Upstream.HOUSEHOLD)).isEqualTo(1);
    assertThat(stubs.requestCount(Upstream.REAL_ESTATE)).isEqualTo(1);
    assertThat(answer.getResponseBody().has("carriedOver")).isFalse();
    assertThat(answer.getResponseBody().get("outcome").asText()).isEqualTo("INCONSISTENT");
  }

  @Test
  void refuses_a_supplement_nobody_asked_for() {
    Family family = stubs.population().family("local-simple");
    String id =
        post("/api/v1/verifications", Families.submission(family, null))
            .getResponseBody()
            .get("applicationId")
            .asText();

    EntityExchangeResult<JsonNode> refused =
        post("/api/v1/applications/" + id + "/supplement", Families.submission(family, null));

    assertThat(refused.getStatus().value()).isEqualTo(409);
    assertThat(refused.getResponseBody().get("currentStatus").asText())
        .isEqualTo("PENDING_ACCEPTANCE");
  }

  @Test
  void refuses_a_supplement_naming_another_child_and_changes_nothing() {
    Family family = stubs.population().family("junior-local");
    String id =
        post("/api/v1/verifications", Families.submission(family, null))
            .getResponseBody()
            .get("applicationId")
            .asText();
    askForSupplement(id);

    EntityExchangeResult<JsonNode> refused =
        post(
            "/api/v1/applications/" + id + "/supplement",
            Families.submission(stubs.population().family("gen-451402-2"), null));

    assertThat(refused.getStatus().value()).isEqualTo(400);
    assertThat(refused.getResponseBody().at("/errors/0/code").asText())
        .isEqualTo("NOT_THE_SAME_CHILD");
    assertThat(value("select status from applications where id = '" + id + "'"))
        .isEqualTo("NEEDS_SUPPLEMENT");
    assertThat(
            value("select count(*) from verification_reports where application_id = '" + id + "'"))
        .isEqualTo("1");
  }

  private void askForSupplement(String id) {
    EntityExchangeResult<JsonNode> asked =
        post(
            "/api/v1/review/decisions",
            Map.of(
                "decisionId",
                "s-" + id,
                "applicationId",
                id,
                "decision",
                "REQUEST_SUPPLEMENT",
                "reviewer",
                "r-9",
                "reason",
                "房产证号与登记不符",
                "supplements",
                List.of("不动产权证书照片")));
    assertThat(asked.getResponseBody().get("outcome").asText()).isEqualTo("APPLIED");
  }

  private EntityExchangeResult<JsonNode> post(String uri, Object body) {
    return client
        .post()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectBody(JsonNode.class)
        .returnResult();
  }
}
