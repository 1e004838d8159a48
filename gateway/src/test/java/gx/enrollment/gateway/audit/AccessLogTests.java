package gx.enrollment.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.mocks.population.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/applications/{id}/access-log}: a guardian sees every source query and status
 * change about their application, oldest first, and nothing of anybody else's.
 */
class AccessLogTests extends StubbedGateway {

  @Test
  void shows_every_query_and_status_change_of_its_application_only_in_order() {
    Family mine = stubs.population().family("migrant-owner");
    Family theirs = stubs.population().family("migrant-renter");
    String id = submitted(mine);
    String other = submitted(theirs);
    withdraw(id, "改为线下报名");

    JsonNode log = accessLog(id);

    assertThat(log.get("applicationId").asText()).isEqualTo(id);
    assertThat(log.get("reference").asText())
        .isEqualTo(value("select reference from applications where id = '" + id + "'"));
    List<JsonNode> entries = list(log.get("entries"));
    long audited =
        Long.parseLong(
            value(
                "select (select count(*) from source_query_audit where application_id = '"
                    + id
                    + "') + (select count(*) from application_status_history where"
                    + " application_id = '"
                    + id
                    + "')"));
    // 4 sources, then RECEIVED, PENDING_ACCEPTANCE and WITHDRAWN.
    assertThat(audited).isEqualTo(4 + 3);
    assertThat(entries).hasSize((int) audited);
    List<JsonNode> queries =
        entries.stream().filter(e -> e.get("kind").asText().equals("SOURCE_QUERY")).toList();
    assertThat(queries)
        .extracting(q -> q.get("source").asText())
        .containsExactlyInAnyOrder(
            "HOUSEHOLD", "RESIDENCE_PERMIT", "SOCIAL_SECURITY", "REAL_ESTATE");
    assertThat(queries)
        .allSatisfy(
            q -> {
              assertThat(q.get("client").asText()).isEqualTo("test-all");
              assertThat(q.get("purpose").asText()).isEqualTo("ENROLLMENT");
              assertThat(q.get("consentId").asText()).isEqualTo("c-migrant-owner");
              assertThat(q.get("consentBasis").asText()).isEqualTo("ONLINE_CONSENT");
              assertThat(q.get("outcome").asText()).isEqualTo("OK");
              assertThat(q.get("sourceLabel").asText()).isNotBlank();
              assertThat(q.get("verificationId").asText())
                  .isIn(
                      values(
                          "select id from verification_reports where application_id = '"
                              + id
                              + "'"));
            });
    assertThat(
            entries.stream()
                .filter(e -> e.get("kind").asText().equals("STATUS_CHANGE"))
                .map(e -> e.get("to").asText() + "/" + e.get("actor").asText()))
        .containsExactly("RECEIVED/SYSTEM", "PENDING_ACCEPTANCE/SYSTEM", "WITHDRAWN/PARENT");
    assertThat(entries)
        .extracting(e -> e.get("at").asText())
        .isSortedAccordingTo(
            (a, b) ->
                java.time.OffsetDateTime.parse(a).compareTo(java.time.OffsetDateTime.parse(b)));
    assertThat(entries.get(entries.size() - 1).get("reason").asText()).isEqualTo("改为线下报名");

    String text = log.toString();
    String otherReference = value("select reference from applications where id = '" + other + "'");
    assertThat(text)
        .doesNotContain(other)
        .doesNotContain(otherReference)
        .doesNotContain("c-migrant-renter")
        .doesNotContain(
            values("select id from verification_reports where application_id = '" + other + "'")
                .get(0))
        .doesNotContain(mine.child().idNumber())
        .doesNotContain(mine.guardian().idNumber())
        .doesNotContain(mine.phone())
        .doesNotContain(theirs.child().idNumber())
        .doesNotContain(theirs.guardian().idNumber())
        .doesNotContain("Bearer")
        .doesNotContain(stubs.token(gx.enrollment.mocks.Upstream.HOUSEHOLD));
    assertThat(text).doesNotContainPattern("\\d{17}[0-9Xx]").doesNotContainPattern("1[3-9]\\d{9}");

    // And the other application's log is the other application's.
    List<JsonNode> theirEntries = list(accessLog(other).get("entries"));
    // migrant-renter rents: household, residence permit, social security; 2 status changes.
    assertThat(theirEntries).hasSize(3 + 2);
    assertThat(theirEntries)
        .filteredOn(e -> e.get("kind").asText().equals("SOURCE_QUERY"))
        .allSatisfy(q -> assertThat(q.get("consentId").asText()).isEqualTo("c-migrant-renter"));
  }

  @Test
  void an_unknown_application_is_not_found() {
    for (String id : List.of("0192a3b4-0000-7000-8000-000000000999", "not-an-id")) {
      JsonNode problem =
          client
              .get()
              .uri("/api/v1/applications/" + id + "/access-log")
              .exchange()
              .expectStatus()
              .isNotFound()
              .expectHeader()
              .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody(JsonNode.class)
              .returnResult()
              .getResponseBody();
      assertThat(problem.get("type").asText()).endsWith("/not-found");
    }
  }

  private JsonNode accessLog(String id) {
    return client
        .get()
        .uri("/api/v1/applications/" + id + "/access-log")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  private void withdraw(String id, String reason) {
    client
        .post()
        .uri("/api/v1/applications/" + id + "/withdrawal")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reason", reason))
        .exchange()
        .expectStatus()
        .isOk();
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }
}
