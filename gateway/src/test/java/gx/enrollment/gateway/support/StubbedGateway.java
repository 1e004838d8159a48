package gx.enrollment.gateway.support;

import gx.enrollment.mocks.GovernmentStubs;
import gx.enrollment.mocks.SentSms;
import gx.enrollment.mocks.Upstream;
import gx.enrollment.mocks.population.Family;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole gateway on a random port with its real {@code config/}, a real PostgreSQL (a database
 * of its own) and a real Kafka, pointed at the WireMock government stubs of {@code mocks/}, which
 * every test starts clean: no fault, counters at zero.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.import=" + TestClients.CONFIG_IMPORT)
public abstract class StubbedGateway {

  /** Shorter than the default 3 s so that a hanging source costs the suite little. */
  protected static final Duration DEADLINE = Duration.ofSeconds(2);

  /** {@code enrollment.materials.*} in these tests: 256 KB a file, 640 KB in all, 6 files. */
  protected static final int MATERIAL_MAX_FILE_SIZE = 256 * 1024;

  protected static final int MATERIAL_MAX_TOTAL_SIZE = 640 * 1024;
  protected static final int MATERIAL_MAX_FILES = 6;

  protected static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  protected static final GovernmentStubs stubs = SharedStubs.get();

  /** A client of the running gateway with the all-roles test key, made anew for each test. */
  protected WebTestClient client;

  /** The same, without credentials (a default header cannot be removed per request). */
  protected WebTestClient anonymous;

  @Autowired protected DatabaseClient db;

  @DynamicPropertySource
  static void pointAtStubs(DynamicPropertyRegistry registry) {
    for (Upstream upstream : Upstream.values()) {
      if (upstream == Upstream.SMS) {
        continue;
      }
      String key = "sources." + upstream.name().toLowerCase().replace('_', '-');
      registry.add(key + ".base-url", () -> stubs.baseUrl(upstream));
      registry.add(key + ".token", () -> stubs.token(upstream));
      // Breakers are proven in the connectors' own tests; here faults of one test must not open
      // a breaker for the next.
      registry.add(key + ".circuit-breaker.minimum-number-of-calls", () -> 1000);
      registry.add(key + ".circuit-breaker.sliding-window-size", () -> 1000);
    }
    registry.add("sms.base-url", () -> stubs.baseUrl(Upstream.SMS));
    registry.add("sms.token", () -> stubs.token(Upstream.SMS));
    registry.add("enrollment.verification.deadline", DEADLINE::toString);
    // Tests run the recovery passes themselves, when they want them.
    registry.add("enrollment.verification.recovery.enabled", () -> "false");
    registry.add("enrollment.verification.recovery.recheck-after", () -> "0s");
    // Small limits of materials, so that the tests reach them cheaply.
    registry.add("enrollment.materials.max-file-size", () -> MATERIAL_MAX_FILE_SIZE + "B");
    registry.add("enrollment.materials.max-total-size", () -> MATERIAL_MAX_TOTAL_SIZE + "B");
    registry.add("enrollment.materials.max-files", () -> MATERIAL_MAX_FILES);
    EmbeddedInfrastructure.properties("gateway")
        .forEach((key, value) -> registry.add(key, () -> value));
  }

  @BeforeEach
  protected void cleanStubsAndDatabase() {
    // Generous for a shared 2-core machine; deadlines are asserted on the answers themselves.
    // Connections are pooled and kept alive, as a portal's client would: a connection the server
    // stopped reading (web/ResumeReadAfterResponse) would stall the next test's request.
    anonymous =
        WebTestClient.bindToServer()
            .baseUrl(
                "http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    client = anonymous.mutate().defaultHeader(TestClients.HEADER, TestClients.ALL).build();
    stubs.clearFaults();
    warmUp();
    stubs.resetCounters();
    stubs.clearSentMessages();
    db.sql(
            "truncate applications, application_status_history, consents, verification_reports,"
                + " review_decisions, sms_notifications, ratings, drafts, materials, lotteries,"
                + " lottery_entries, source_results, source_query_audit, idempotency_keys, outbox,"
                + " audit_chain cascade")
        .then()
        .block(Duration.ofSeconds(10));
  }

  /**
   * One throwaway verification through every source per application context before its first test,
   * so that no test's answer within {@link #DEADLINE} pays for a cold JVM, cold connection pools
   * and cold JIT (seen: a first verification timing out on a loaded machine). What it leaves is
   * truncated next.
   */
  private void warmUp() {
    if (!WARMED.add(System.identityHashCode(context))) {
      return;
    }
    for (int i = 0; i < 2; i++) {
      client
          .post()
          .uri("/api/v1/verifications")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Families.submission(stubs.population().family("migrant-owner"), "A"))
          .exchange()
          .expectBody()
          .returnResult();
    }
  }

  private static final java.util.Set<Integer> WARMED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Autowired private org.springframework.context.ApplicationContext context;

  @AfterAll
  static void keepStubsForTheNextClass() {
    // The stubs live as long as the JVM (the Spring context is cached across classes too).
    stubs.clearFaults();
  }

  /** Submits {@code family} (the form its situation calls for) and returns the application id. */
  protected String submitted(Family family) {
    return client
        .post()
        .uri("/api/v1/verifications")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Families.submission(family, null))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody()
        .get("applicationId")
        .asText();
  }

  /** The first column of the one row {@code sql} selects, as text. */
  protected String value(String sql) {
    return db.sql(sql)
        .map((row, meta) -> String.valueOf(row.get(0)))
        .one()
        .block(Duration.ofSeconds(10));
  }

  /** The first column of every row {@code sql} selects, as text. */
  protected List<String> values(String sql) {
    return db.sql(sql)
        .map((row, meta) -> String.valueOf(row.get(0)))
        .all()
        .collectList()
        .block(Duration.ofSeconds(10));
  }

  /**
   * The SMS notices the stub accepted about the application {@code reference}, oldest first. Chosen
   * by reference (never reused: a sequence the truncation leaves alone), not by phone: the same
   * families, and so the same phones, come back test after test, and a notice of an earlier test
   * can reach the stub after this test cleared it (seen in CI: a stale notice counted as the second
   * one awaited).
   */
  protected List<SentSms> smsAbout(String reference) {
    return stubs.sentMessages().stream()
        .filter(sms -> reference.equals(sms.params().get("ref")))
        .toList();
  }
}
