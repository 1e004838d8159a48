package gx.enrollment.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.gateway.support.TestClients;
import gx.enrollment.mocks.population.Family;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A reviewer acts only in the areas its client serves: review decisions and lotteries of another
 * area are refused ({@code 403}) and change nothing, and a lottery takes only applications of its
 * own area. The reviewer here serves 来宾's pilot counties; the applications are 钦州's.
 */
class RegionScopeTests extends StubbedGateway {

  private static final String LAIBIN = TestClients.REVIEWER_LAIBIN;

  @Test
  void refuses_a_decision_about_an_application_of_an_area_the_reviewer_does_not_serve() {
    String qinzhou = submitted(family("gen-4507"));
    String laibin = submitted(family("gen-4513"));

    JsonNode refused =
        call(HttpMethod.POST, "/api/v1/review/decisions", decision("d-1", qinzhou), LAIBIN)
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(refused.get("detail").asText())
        .isEqualTo("client test-reviewer-laibin does not serve the region of this application");
    assertThat(count("select count(*) from review_decisions")).isZero();
    assertThat(status(qinzhou)).isEqualTo("PENDING_ACCEPTANCE");
    assertThat(
            count(
                "select count(*) from outbox where event_key = '"
                    + qinzhou
                    + "' and payload->'payload'->>'to' = 'IN_PROGRESS'"))
        .isZero();

    // Its own area's application: applied.
    call(HttpMethod.POST, "/api/v1/review/decisions", decision("d-2", laibin), LAIBIN)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.outcome")
        .isEqualTo("APPLIED");
    assertThat(status(laibin)).isEqualTo("IN_PROGRESS");
  }

  @Test
  void keeps_a_lottery_to_reviewers_of_its_area() {
    List<String> references = references(2, "gen-4507");

    // A lottery of an area it does not serve cannot even be created.
    call(HttpMethod.POST, "/api/v1/lotteries", lottery("QZ-RS-01", references), LAIBIN)
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("client test-reviewer-laibin does not serve region 450702");
    assertThat(count("select count(*) from lotteries")).isZero();

    String lottery =
        call(HttpMethod.POST, "/api/v1/lotteries", lottery("QZ-RS-02", references), TestClients.ALL)
            .expectStatus()
            .isCreated()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody()
            .get("lotteryId")
            .asText();

    // Nothing of another area's lottery: not read, not stepped, not deleted.
    String path = "/api/v1/lotteries/" + lottery;
    for (String read : List.of(path, path + "/list", path + "/replay")) {
      call(HttpMethod.GET, read, null, LAIBIN).expectStatus().isForbidden();
    }
    call(HttpMethod.POST, path + "/freeze", Map.of(), LAIBIN).expectStatus().isForbidden();
    call(HttpMethod.DELETE, path, null, LAIBIN).expectStatus().isForbidden();
    assertThat(value("select state from lotteries where id = '" + lottery + "'"))
        .isEqualTo("CREATED");

    // Its own reviewers may.
    call(HttpMethod.POST, path + "/freeze", Map.of(), TestClients.ALL).expectStatus().isOk();
    assertThat(value("select state from lotteries where id = '" + lottery + "'"))
        .isEqualTo("FROZEN");
  }

  @Test
  void takes_into_a_lottery_only_applications_of_areas_the_reviewer_serves() {
    List<String> laibin = references(1, "gen-4513");
    List<String> qinzhou = references(1, "gen-4507");
    // Withdrawn, it could not enter anyway; but a client that does not serve it must not learn so.
    String withdrawn =
        value("select id from applications where reference = '" + qinzhou.get(0) + "'");
    call(
            HttpMethod.POST,
            "/api/v1/applications/" + withdrawn + "/withdrawal",
            Map.of("reason", "改报公办学校"),
            TestClients.ALL)
        .expectStatus()
        .isOk();
    Map<String, Object> body = lottery("LB-RS-03", List.of(laibin.get(0), qinzhou.get(0)));
    body.put("regionCode", regionOf(laibin.get(0)));

    JsonNode refused =
        call(HttpMethod.POST, "/api/v1/lotteries", body, LAIBIN)
            .expectStatus()
            .isBadRequest()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(refused.get("errors"))
        .extracting(e -> e.get("field").asText() + " " + e.get("code").asText())
        .containsExactly("applicants[1] NOT_SERVED");
    // Neither where the other application was filed nor its status is told to this client.
    assertThat(refused.get("errors").get(0).get("message").asText())
        .doesNotContain(regionOf(qinzhou.get(0)))
        .doesNotContain("WITHDRAWN");
    assertThat(count("select count(*) from lotteries")).isZero();
  }

  // ---------------------------------------------------------------------------------------------

  /** The first generated PRIMARY family of the city {@code prefix} ({@code gen-<4 digits>}). */
  private static Family family(String prefix) {
    return families(1, prefix).get(0);
  }

  private static List<Family> families(int count, String prefix) {
    List<Family> families =
        stubs.population().families().stream()
            .filter(f -> f.key().startsWith(prefix))
            .filter(f -> f.stage().name().equals("PRIMARY"))
            .limit(count)
            .toList();
    assertThat(families).hasSize(count);
    return families;
  }

  /** Submits {@code count} families of the county and returns their applications' references. */
  private List<String> references(int count, String prefix) {
    return families(count, prefix).stream()
        .map(this::submitted)
        .map(id -> value("select reference from applications where id = '" + id + "'"))
        .toList();
  }

  private static Map<String, Object> decision(String decisionId, String applicationId) {
    return Map.of(
        "decisionId",
        decisionId,
        "applicationId",
        applicationId,
        "decision",
        "ACCEPT",
        "reviewer",
        "r-1");
  }

  private static Map<String, Object> lottery(String school, List<String> references) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schoolCode", school);
    body.put("schoolName", "钦州市启明民办学校");
    body.put("regionCode", "450702");
    body.put("schoolYear", 2024);
    body.put("stage", "PRIMARY");
    body.put("places", 1);
    body.put("applicants", references);
    body.put("createdBy", "qz-edu-01");
    return body;
  }

  private WebTestClient.ResponseSpec call(HttpMethod method, String uri, Object body, String key) {
    var request = anonymous.method(method).uri(uri).header(TestClients.HEADER, key);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
    return request.exchange();
  }

  private String regionOf(String reference) {
    return value("select region_code from applications where reference = '" + reference + "'");
  }

  private String status(String id) {
    return value("select status from applications where id = '" + id + "'");
  }

  private long count(String sql) {
    return Long.parseLong(value(sql));
  }
}
