package gx.enrollment.gateway.lottery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gx.enrollment.gateway.lottery.LotteryDraw.Entry;
import gx.enrollment.gateway.lottery.LotteryDraw.Outcome;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.mocks.SentSms;
import gx.enrollment.mocks.population.Family;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/**
 * The private-school lottery end to end on real PostgreSQL: the steps, the statuses it moves (with
 * history lines and outbox events), the replays, and every refusal.
 */
class LotteryTests extends StubbedGateway {

  private static final String SEED = "2024-07-10 体彩排列5 31415";
  private static final String SCHOOL = "钦州市启明民办学校";

  /** An application of the test: its id and the reference parents see. */
  private record App(String id, String reference, String phone) {}

  @Test
  void a_draw_admits_the_first_eligible_strikes_out_who_left_and_replays_to_the_same_ranking() {
    List<App> apps = applications(6);
    // All but the last are accepted (办理中); the last is still 待受理, so its parent may withdraw.
    apps.subList(0, 5).forEach(app -> accept(app));
    String lottery = create("QZ-MB-01", 2, references(apps)).get("lotteryId").asText();

    JsonNode frozen =
        post(lottery, "freeze", Map.of("seedCommitment", LotteryDraw.commitment(SEED)));
    // After the freeze: the 待受理 one is withdrawn by its parent, one in progress is returned.
    App withdrawn = apps.get(5);
    App returned = apps.get(4);
    withdraw(withdrawn);
    decide("d-ret-" + returned.reference(), returned, "RETURN", Map.of("reason", "家长放弃民办学校"));
    JsonNode seeded = post(lottery, "seed", Map.of("seed", SEED));
    long historyBefore = count("select count(*) from application_status_history");
    JsonNode drawn = post(lottery, "draw", null);

    // The published list hash is the SHA-256 of the published list, as sha256sum would compute it.
    String listBody = list(lottery);
    assertThat(frozen.get("state").asText()).isEqualTo("FROZEN");
    assertThat(frozen.get("listHash").asText())
        .isEqualTo(LotteryDraw.listHash(references(apps)))
        .isEqualTo(sha256(listBody));
    assertThat(listBody.lines().toList())
        .containsExactlyElementsOf(references(apps).stream().sorted().toList());
    assertThat(seeded.get("seedAnnouncedAt").isTextual()).isTrue();

    // The stored transcript is the pure rules' ranking: every applicant, the two who left struck
    // out in their place, the first two eligible admitted.
    List<Entry> expected =
        LotteryDraw.draw(
            references(apps), SEED, 2, Set.of(withdrawn.reference(), returned.reference()));
    assertThat(drawn.get("state").asText()).isEqualTo("DRAWN");
    assertThat(drawn.get("admittedCount").asInt()).isEqualTo(2);
    assertThat(transcript(drawn.get("entries"))).isEqualTo(expected);
    assertThat(drawn.get("entries"))
        .filteredOn(e -> e.get("outcome").asText().equals("STRUCK_OUT"))
        .extracting(e -> e.get("note").asText())
        .containsExactlyInAnyOrder(
            "struck out: WITHDRAWN (已撤销) at the draw", "struck out: RETURNED (已退件) at the draw");

    // Statuses: admitted → 已办结 with the school as result; not admitted stay 办理中 (统筹安排), each
    // with a SYSTEM history line naming the lottery and an event for the SMS notice.
    for (Entry entry : expected) {
      App app = byReference(apps, entry.reference());
      String lastActor = last(app, "actor");
      String lastReason = last(app, "reason");
      if (entry.outcome() == Outcome.ADMITTED) {
        assertThat(status(app)).isEqualTo("COMPLETED");
        assertThat(lastActor).isEqualTo("SYSTEM");
        assertThat(lastReason).startsWith("录取：" + SCHOOL).contains(lottery);
        assertThat(lastEvent(app, "to")).isEqualTo("COMPLETED");
        assertThat(lastEvent(app, "notifyGuardian")).isEqualTo("true");
        JsonNode result = get("/api/v1/applications/" + app.id() + "/result");
        assertThat(result.get("admitted").asBoolean()).isTrue();
        assertThat(result.get("school").asText()).isEqualTo(SCHOOL);
      } else if (entry.outcome() == Outcome.NOT_ADMITTED) {
        assertThat(status(app)).isEqualTo("IN_PROGRESS");
        assertThat(lastActor).isEqualTo("SYSTEM");
        assertThat(lastReason).contains("未录取").contains("统筹安排").contains(lottery);
        assertThat(last(app, "from_status")).isEqualTo("IN_PROGRESS");
        assertThat(lastEvent(app, "to")).isEqualTo("IN_PROGRESS");
        assertThat(lastEvent(app, "reason")).contains(lottery);
        assertThat(lastEvent(app, "notifyGuardian")).isEqualTo("true");
      } else {
        assertThat(lastReason).doesNotContain(lottery);
        assertThat(lastActor).isNotEqualTo("SYSTEM");
      }
    }
    assertThat(status(withdrawn)).isEqualTo("WITHDRAWN");
    assertThat(status(returned)).isEqualTo("RETURNED");
    assertThat(count("select count(*) from application_status_history") - historyBefore)
        .isEqualTo(4);

    // The stored replay recomputes the same ranking and says so.
    JsonNode replay = get("/api/v1/lotteries/" + lottery + "/replay");
    assertThat(replay.get("matches").asBoolean()).isTrue();
    assertThat(replay.get("differences")).isEmpty();
    assertThat(replay.get("listHashMatches").asBoolean()).isTrue();
    assertThat(replay.get("seedMatchesCommitment").asBoolean()).isTrue();
    assertThat(transcript(replay.get("ranking"))).isEqualTo(expected);

    // Anyone's replay from the published list, seed, places and struck-out ones: the same.
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("applicants", listBody.lines().toList());
    inputs.put("seed", drawn.get("seed").asText());
    inputs.put("places", drawn.get("places").asInt());
    inputs.put("struckOut", List.of(returned.reference(), withdrawn.reference()));
    JsonNode independent = postJson("/api/v1/lotteries/replay", inputs, 200);
    assertThat(transcript(independent.get("ranking"))).isEqualTo(expected);
    assertThat(independent.get("listHash").asText()).isEqualTo(frozen.get("listHash").asText());

    // Published; every step repeated answers the lottery as it is and changes nothing.
    JsonNode published = post(lottery, "publish", Map.of("publication", "钦州市教育局公告"));
    assertThat(published.get("state").asText()).isEqualTo("PUBLISHED");
    long historyAfter = count("select count(*) from application_status_history");
    assertThat(post(lottery, "draw", null).get("drawnAt").asText())
        .isEqualTo(drawn.get("drawnAt").asText());
    assertThat(post(lottery, "freeze", null).get("listHash").asText())
        .isEqualTo(frozen.get("listHash").asText());
    assertThat(post(lottery, "seed", Map.of("seed", SEED)).get("state").asText())
        .isEqualTo("PUBLISHED");
    assertThat(count("select count(*) from application_status_history")).isEqualTo(historyAfter);
  }

  @Test
  void changing_one_applicant_changes_the_published_list_hash() {
    List<App> apps = applications(4);
    apps.forEach(this::accept);
    List<String> first = references(apps.subList(0, 3));
    List<String> second = List.of(first.get(0), first.get(1), apps.get(3).reference());

    String thrownAway = create("QZ-MB-02", 1, first).get("lotteryId").asText();
    String before =
        postJson("/api/v1/lotteries/replay", replayInputs(first, 1), 200).get("listHash").asText();
    exchange(HttpMethod.DELETE, "/api/v1/lotteries/" + thrownAway, null, 204);
    String lottery = create("QZ-MB-02", 1, second).get("lotteryId").asText();
    String after = post(lottery, "freeze", null).get("listHash").asText();

    assertThat(before).isEqualTo(LotteryDraw.listHash(first));
    assertThat(after).isEqualTo(LotteryDraw.listHash(second)).isNotEqualTo(before);
    assertThat(count("select count(*) from lotteries")).isEqualTo(1);
    exchange(HttpMethod.DELETE, "/api/v1/lotteries/" + lottery, null, 409);
  }

  @Test
  void refuses_bad_applicants_naming_each_and_stores_nothing() {
    List<App> apps = applications(3);
    accept(apps.get(0));
    decide("d-r", apps.get(1), "RETURN", Map.of("reason", "材料不实"));
    Map<String, Object> body =
        body(
            "QZ-MB-03",
            2,
            List.of(
                apps.get(0).reference(),
                "GX2024-999999",
                apps.get(0).reference(),
                apps.get(1).reference(),
                "bad ref!"));

    JsonNode refused = postJson("/api/v1/lotteries", body, 400);

    assertThat(refused.get("type").asText()).endsWith("/invalid-request");
    assertThat(refused.get("errors"))
        .extracting(e -> e.get("field").asText() + " " + e.get("code").asText())
        .containsExactlyInAnyOrder(
            "applicants[1] UNKNOWN_APPLICATION",
            "applicants[2] DUPLICATE",
            "applicants[3] NOT_ELIGIBLE",
            "applicants[4] INVALID");
    assertThat(refused.toString()).contains("GX2024-999999").contains("RETURNED (已退件)");
    assertThat(count("select count(*) from lotteries")).isZero();
    assertThat(count("select count(*) from lottery_entries")).isZero();
  }

  @Test
  void refuses_bad_fields_of_every_body() {
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("schoolCode", "");
    create.put("regionCode", "451302");
    create.put("schoolYear", 2024);
    create.put("stage", "KINDERGARTEN");
    create.put("places", 0);
    create.put("applicants", List.of());

    JsonNode refused = postJson("/api/v1/lotteries", create, 400);
    JsonNode notOversubscribed =
        postJson(
            "/api/v1/lotteries",
            body("QZ-MB-04", 2, List.of("GX2024-000001", "GX2024-000002")),
            400);
    JsonNode badReplay =
        postJson(
            "/api/v1/lotteries/replay",
            Map.of(
                "applicants",
                List.of("A", "A"),
                "seed",
                "x".repeat(201),
                "places",
                0,
                "struckOut",
                List.of("B")),
            400);

    assertThat(refused.get("errors"))
        .extracting(e -> e.get("field").asText())
        .containsExactlyInAnyOrder(
            "schoolCode", "schoolName", "regionCode", "stage", "places", "createdBy", "applicants");
    assertThat(notOversubscribed.get("errors").get(0).get("code").asText())
        .isEqualTo("NOT_OVERSUBSCRIBED");
    assertThat(badReplay.get("errors"))
        .extracting(e -> e.get("field").asText())
        .containsExactlyInAnyOrder("applicants[1]", "seed", "places", "struckOut[0]");
  }

  @Test
  void refuses_steps_out_of_order_naming_the_state_and_writes_nothing() {
    List<App> apps = applications(3);
    accept(apps.get(0));
    accept(apps.get(1));
    String lottery = create("QZ-MB-05", 1, references(apps)).get("lotteryId").asText();

    JsonNode seedTooEarly =
        exchange(HttpMethod.POST, path(lottery, "seed"), Map.of("seed", SEED), 409);
    JsonNode drawTooEarly = exchange(HttpMethod.POST, path(lottery, "draw"), null, 409);
    JsonNode replayTooEarly = exchange(HttpMethod.GET, path(lottery, "replay"), null, 409);
    JsonNode publishTooEarly = exchange(HttpMethod.POST, path(lottery, "publish"), null, 409);
    post(lottery, "freeze", Map.of("seedCommitment", LotteryDraw.commitment(SEED)));
    JsonNode emptySeed = exchange(HttpMethod.POST, path(lottery, "seed"), Map.of("seed", ""), 400);
    JsonNode longSeed =
        exchange(HttpMethod.POST, path(lottery, "seed"), Map.of("seed", "9".repeat(201)), 400);
    JsonNode wrongSeed =
        exchange(HttpMethod.POST, path(lottery, "seed"), Map.of("seed", SEED + "0"), 400);
    JsonNode drawWithoutSeed = exchange(HttpMethod.POST, path(lottery, "draw"), null, 409);
    post(lottery, "seed", Map.of("seed", SEED));
    JsonNode otherSeed =
        exchange(HttpMethod.POST, path(lottery, "seed"), Map.of("seed", SEED + "0"), 409);
    // The third applicant is still 待受理: the draw waits for the bureau to decide it.
    JsonNode notReady = exchange(HttpMethod.POST, path(lottery, "draw"), null, 409);

    assertThat(seedTooEarly.get("type").asText()).endsWith("/lottery-state-conflict");
    assertThat(seedTooEarly.get("currentState").asText()).isEqualTo("CREATED");
    assertThat(seedTooEarly.get("detail").asText()).contains(lottery).contains("freeze it first");
    assertThat(drawTooEarly.get("currentState").asText()).isEqualTo("CREATED");
    assertThat(replayTooEarly.get("currentState").asText()).isEqualTo("CREATED");
    assertThat(publishTooEarly.get("currentState").asText()).isEqualTo("CREATED");
    assertThat(emptySeed.get("errors").get(0).get("field").asText()).isEqualTo("seed");
    assertThat(longSeed.get("errors").get(0).get("message").asText()).contains("200");
    assertThat(wrongSeed.get("errors").get(0).get("code").asText())
        .isEqualTo("COMMITMENT_MISMATCH");
    assertThat(drawWithoutSeed.get("currentState").asText()).isEqualTo("FROZEN");
    assertThat(otherSeed.get("detail").asText()).contains("cannot change");
    assertThat(notReady.get("type").asText()).endsWith("/lottery-not-ready");
    assertThat(notReady.get("applicants"))
        .extracting(a -> a.get("reference").asText() + " " + a.get("status").asText())
        .containsExactly(apps.get(2).reference() + " PENDING_ACCEPTANCE");
    // Nothing of the refused draw was written.
    JsonNode now = get("/api/v1/lotteries/" + lottery);
    assertThat(now.get("state").asText()).isEqualTo("SEEDED");
    assertThat(now.get("seed").asText()).isEqualTo(SEED);
    assertThat(count("select count(*) from lottery_entries where rank is not null")).isZero();
    assertThat(status(apps.get(0))).isEqualTo("IN_PROGRESS");
    assertThat(
            count(
                "select count(*) from application_status_history where actor = 'SYSTEM'"
                    + " and reason like '%"
                    + lottery
                    + "%'"))
        .isZero();

    // Once the bureau has accepted it, the draw goes through.
    accept(apps.get(2));
    assertThat(post(lottery, "draw", null).get("state").asText()).isEqualTo("DRAWN");
  }

  @Test
  void two_draws_at_once_move_each_applicant_once() throws Exception {
    List<App> apps = applications(3);
    apps.forEach(this::accept);
    String lottery = create("QZ-MB-08", 1, references(apps)).get("lotteryId").asText();
    post(lottery, "freeze", null);
    post(lottery, "seed", Map.of("seed", SEED));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<JsonNode> answers = new ArrayList<>();
    try {
      Callable<JsonNode> draw = () -> post(lottery, "draw", null);
      for (Future<JsonNode> answer : pool.invokeAll(List.of(draw, draw))) {
        answers.add(answer.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdown();
    }

    assertThat(answers)
        .extracting(a -> a.get("drawnAt").asText())
        .containsOnly(answers.get(0).get("drawnAt").asText());
    assertThat(answers).extracting(a -> a.get("admittedCount").asInt()).containsOnly(1);
    assertThat(
            count(
                "select count(*) from application_status_history where actor = 'SYSTEM'"
                    + " and reason like '%"
                    + lottery
                    + "%'"))
        .isEqualTo(3);
    assertThat(
            count(
                "select count(*) from review_decisions where reviewer = 'lottery:" + lottery + "'"))
        .isEqualTo(1);
  }

  @Test
  void every_drawn_applicant_gets_the_sms_notice_of_the_result() {
    List<App> apps = applications(3);
    apps.forEach(this::accept);
    String lottery = create("QZ-MB-09", 1, references(apps)).get("lotteryId").asText();
    post(lottery, "freeze", null);
    post(lottery, "seed", Map.of("seed", SEED));

    JsonNode drawn = post(lottery, "draw", null);

    for (JsonNode entry : drawn.get("entries")) {
      App app = byReference(apps, entry.get("reference").asText());
      // The first notice is the acceptance (办理中); the second the lottery's result.
      await().atMost(Duration.ofSeconds(30)).until(() -> smsAbout(app.reference()).size() >= 2);
      assertThat(smsAbout(app.reference())).extracting(SentSms::phone).containsOnly(app.phone());
      SentSms last = smsAbout(app.reference()).get(1);
      if (entry.get("outcome").asText().equals("ADMITTED")) {
        assertThat(last.params()).containsEntry("status", "已办结");
        assertThat(last.params().get("detail")).startsWith("录取：" + SCHOOL);
      } else {
        assertThat(last.params()).containsEntry("status", "办理中");
        assertThat(last.params().get("detail")).contains("未录取").contains("统筹安排");
      }
    }
  }

  @Test
  void one_lottery_per_school_and_one_lottery_per_application() {
    List<App> apps = applications(4);
    apps.forEach(this::accept);
    create("QZ-MB-06", 1, references(apps.subList(0, 2)));

    JsonNode again =
        postJson("/api/v1/lotteries", body("QZ-MB-06", 1, references(apps.subList(2, 4))), 409);
    JsonNode elsewhere =
        postJson("/api/v1/lotteries", body("QZ-MB-07", 1, references(apps.subList(1, 3))), 400);

    assertThat(again.get("type").asText()).endsWith("/lottery-exists");
    assertThat(elsewhere.get("errors"))
        .extracting(e -> e.get("field").asText() + " " + e.get("code").asText())
        .containsExactly("applicants[0] ALREADY_IN_LOTTERY");
    assertThat(
            exchange(
                    HttpMethod.GET,
                    "/api/v1/lotteries/0192a3b4-0000-7000-8000-000000000000",
                    null,
                    404)
                .get("type")
                .asText())
        .endsWith("/not-found");
  }

  // ---------------------------------------------------------------------------------------------

  /** {@code count} applications of different generated PRIMARY families in 钦州, submitted. */
  private List<App> applications(int count) {
    List<Family> families =
        stubs.population().families().stream()
            .filter(f -> f.key().startsWith("gen-4507"))
            .filter(f -> f.stage().name().equals("PRIMARY"))
            .limit(count)
            .toList();
    assertThat(families).hasSize(count);
    List<App> apps = new ArrayList<>();
    for (Family family : families) {
      String id = submitted(family);
      apps.add(
          new App(
              id,
              value("select reference from applications where id = '" + id + "'"),
              family.phone()));
    }
    return apps;
  }

  private void accept(App app) {
    decide("d-acc-" + app.reference(), app, "ACCEPT", Map.of());
  }

  private void decide(String decisionId, App app, String decision, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("decisionId", decisionId);
    body.put("applicationId", app.id());
    body.put("decision", decision);
    body.put("reviewer", "r-9");
    body.putAll(extra);
    JsonNode record = postJson("/api/v1/review/decisions", body, 200);
    assertThat(record.get("outcome").asText()).isEqualTo("APPLIED");
  }

  private void withdraw(App app) {
    postJson("/api/v1/applications/" + app.id() + "/withdrawal", Map.of("reason", "改报公办学校"), 200);
  }

  private static Map<String, Object> body(String school, int places, List<String> references) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schoolCode", school);
    body.put("schoolName", SCHOOL);
    body.put("regionCode", "450702");
    body.put("schoolYear", 2024);
    body.put("stage", "PRIMARY");
    body.put("places", places);
    body.put("applicants", references);
    body.put("createdBy", "qz-edu-01");
    return body;
  }

  private static Map<String, Object> replayInputs(List<String> references, int places) {
    return Map.of("applicants", references, "seed", SEED, "places", places);
  }

  private JsonNode create(String school, int places, List<String> references) {
    JsonNode created = postJson("/api/v1/lotteries", body(school, places, references), 201);
    assertThat(created.get("state").asText()).isEqualTo("CREATED");
    return created;
  }

  private JsonNode post(String lottery, String step, Object body) {
    return exchange(HttpMethod.POST, path(lottery, step), body, 200);
  }

  private static String path(String lottery, String step) {
    return "/api/v1/lotteries/" + lottery + "/" + step;
  }

  private JsonNode get(String uri) {
    return exchange(HttpMethod.GET, uri, null, 200);
  }

  private JsonNode postJson(String uri, Object body, int status) {
    return exchange(HttpMethod.POST, uri, body, status);
  }

  private JsonNode exchange(HttpMethod method, String uri, Object body, int status) {
    var request = client.method(method).uri(uri);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
    EntityExchangeResult<JsonNode> result =
        request
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectBody(JsonNode.class)
            .returnResult();
    if (status >= 400) {
      assertThat(result.getResponseHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    return result.getResponseBody();
  }

  private String list(String lottery) {
    byte[] bytes =
        client
            .get()
            .uri(path(lottery, "list"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Entry> transcript(JsonNode entries) {
    List<Entry> lines = new ArrayList<>();
    for (JsonNode e : entries) {
      lines.add(
          new Entry(
              e.get("rank").asInt(),
              e.get("reference").asText(),
              e.get("rankValue").asText(),
              Outcome.valueOf(e.get("outcome").asText())));
    }
    return lines;
  }

  private static List<String> references(List<App> apps) {
    return apps.stream().map(App::reference).toList();
  }

  private static App byReference(List<App> apps, String reference) {
    return apps.stream().filter(a -> a.reference().equals(reference)).findFirst().orElseThrow();
  }

  private String status(App app) {
    return value("select status from applications where id = '" + app.id() + "'");
  }

  private String last(App app, String column) {
    return value(
        "select "
            + column
            + " from application_status_history where application_id = '"
            + app.id()
            + "' order by id desc limit 1");
  }

  private String lastEvent(App app, String field) {
    return value(
        "select payload->'payload'->>'"
            + field
            + "' from outbox where event_key = '"
            + app.id()
            + "' and event_type = 'ApplicationStatusChanged' order by id desc limit 1");
  }

  private long count(String sql) {
    return Long.parseLong(value(sql));
  }
}
