package gx.enrollment.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.Families;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.mocks.population.Family;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * The tamper-evident audit log end to end: records written by real submissions and status changes
 * form one chain that the check endpoint finds valid, and any record changed or removed behind the
 * database's back (its append-only trigger disabled, as only an owner of the tables can) is named
 * by the check as the first broken one.
 */
class AuditChainTests extends StubbedGateway {

  @Autowired Environment environment;

  private static final String SOURCE_QUERIES = "source_query_audit";
  private static final String STATUS_CHANGES = "application_status_history";

  @Test
  void an_untouched_chain_checks_valid_with_every_record_counted() {
    submitted(stubs.population().family("migrant-owner"));
    submitted(stubs.population().family("local-simple"));

    long records = records();
    JsonNode check = check();

    // migrant-owner: 4 source queries; local-simple: 1; each application 2 status changes.
    assertThat(records).isEqualTo(4 + 1 + 2 + 2);
    assertThat(check.get("valid").asBoolean()).isTrue();
    assertThat(check.get("recordsChecked").asLong()).isEqualTo(records);
    assertThat(check.get("headSeq").asLong()).isEqualTo(records);
    assertThat(check.get("headHash").asText())
        .isEqualTo(value("select last_hash from audit_chain"));
    assertThat(check.get("firstBroken").isNull()).isTrue();
    // One chain over both tables, positions 1..n without a gap, each linked to the one before.
    assertThat(values(chainSql("chain_seq"))).containsExactlyElementsOf(positions(records));
    assertThat(
            value(
                """
                select count(*) from (
                  select chain_seq, prev_hash, record_hash,
                    lag(record_hash) over (order by chain_seq) as previous
                  from (select chain_seq, prev_hash, record_hash from source_query_audit
                        union all
                        select chain_seq, prev_hash, record_hash from application_status_history) c
                ) l
                where prev_hash <> coalesce(previous, repeat('0', 64))
                """))
        .isEqualTo("0");
  }

  @Test
  void an_empty_chain_checks_valid() {
    JsonNode check = check();

    assertThat(check.get("valid").asBoolean()).isTrue();
    assertThat(check.get("recordsChecked").asLong()).isZero();
    assertThat(check.get("headHash").asText()).isEqualTo(AuditRecordHash.GENESIS);
  }

  @Test
  void names_exactly_the_source_query_record_that_was_edited() {
    submitted(stubs.population().family("migrant-owner"));
    submitted(stubs.population().family("migrant-renter"));
    String id = value("select id from source_query_audit order by chain_seq offset 3 limit 1");
    String seq = value("select chain_seq from source_query_audit where id = " + id);
    String stored = value("select record_hash from source_query_audit where id = " + id);

    behindTheDatabasesBack(
        SOURCE_QUERIES, "update source_query_audit set consent_id = 'forged' where id = " + id);

    JsonNode broken = firstBroken();
    assertThat(broken.get("table").asText()).isEqualTo(SOURCE_QUERIES);
    assertThat(broken.get("id").asText()).isEqualTo(id);
    assertThat(broken.get("chainSeq").asText()).isEqualTo(seq);
    assertThat(broken.get("reason").asText()).isEqualTo("RECORD_CHANGED");
    assertThat(broken.get("actualHash").asText()).isEqualTo(stored);
    assertThat(broken.get("expectedHash").asText()).hasSize(64).isNotEqualTo(stored);
    assertThat(check().get("recordsChecked").asText()).isEqualTo(seq);
  }

  @Test
  void names_exactly_the_status_change_that_was_edited() {
    submitted(stubs.population().family("local-simple"));
    submitted(stubs.population().family("junior-local"));
    String id =
        value("select id from application_status_history order by chain_seq offset 2 limit 1");

    behindTheDatabasesBack(
        STATUS_CHANGES,
        "update application_status_history set changed_at = changed_at - interval '1 day'"
            + " where id = "
            + id);

    JsonNode broken = firstBroken();
    assertThat(broken.get("table").asText()).isEqualTo(STATUS_CHANGES);
    assertThat(broken.get("id").asText()).isEqualTo(id);
    assertThat(broken.get("reason").asText()).isEqualTo("RECORD_CHANGED");
  }

  @Test
  void a_record_whose_hash_was_recomputed_after_an_edit_breaks_the_link_of_the_next() {
    submitted(stubs.population().family("migrant-owner"));
    String id = value("select id from source_query_audit order by chain_seq limit 1");
    String seq = value("select chain_seq from source_query_audit where id = " + id);
    String next = recordAt(Long.parseLong(seq) + 1);
    // The forger recomputes the edited record's own hash with the database's functions …
    behindTheDatabasesBack(
        SOURCE_QUERIES,
        "update source_query_audit set status = 'UNAVAILABLE', reason = 'TIMEOUT' where id = "
            + id
            + ";"
            + " update source_query_audit s set record_hash = audit_sha256(audit_canonical(s))"
            + " where id = "
            + id);

    // … so the edited record checks, but the next one no longer links to it.
    JsonNode broken = firstBroken();
    assertThat(broken.get("chainSeq").asLong()).isEqualTo(Long.parseLong(seq) + 1);
    assertThat(broken.get("table").asText() + ":" + broken.get("id").asText()).isEqualTo(next);
    assertThat(broken.get("reason").asText()).isEqualTo("LINK_BROKEN");
  }

  @Test
  void a_deleted_record_is_detected_at_the_record_after_it() {
    submitted(stubs.population().family("migrant-owner"));
    String id = value("select id from source_query_audit order by chain_seq offset 1 limit 1");
    long seq = Long.parseLong(value("select chain_seq from source_query_audit where id = " + id));

    behindTheDatabasesBack(SOURCE_QUERIES, "delete from source_query_audit where id = " + id);

    JsonNode broken = firstBroken();
    assertThat(broken.get("chainSeq").asLong()).isEqualTo(seq + 1);
    assertThat(broken.get("reason").asText()).isEqualTo("LINK_BROKEN");
  }

  @Test
  void a_deleted_last_record_is_detected_against_the_head() {
    submitted(stubs.population().family("local-simple"));
    long records = records();
    String[] last = recordAt(records).split(":");

    behindTheDatabasesBack(last[0], "delete from " + last[0] + " where id = " + last[1]);

    JsonNode check = check();
    JsonNode broken = check.get("firstBroken");
    assertThat(check.get("valid").asBoolean()).isFalse();
    assertThat(broken.get("table").asText()).isEqualTo("audit_chain");
    assertThat(broken.get("reason").asText()).isEqualTo("TAIL_MISSING");
    assertThat(broken.get("chainSeq").asLong()).isEqualTo(records);
  }

  @Test
  void the_database_refuses_to_update_or_delete_audit_records() {
    submitted(stubs.population().family("migrant-owner"));
    long records = records();
    String before = values(chainSql("record_hash")).toString();

    for (String sql :
        List.of(
            "update source_query_audit set status = 'OK'",
            "delete from source_query_audit",
            "update application_status_history set actor = 'SOMEONE'",
            "delete from application_status_history",
            "delete from audit_chain",
            "update audit_chain set last_seq = 1")) {
      String outcome =
          db.sql(sql)
              .fetch()
              .rowsUpdated()
              .map(n -> "updated " + n)
              .onErrorResume(e -> Mono.just("refused: " + e.getMessage()))
              .block(Duration.ofSeconds(10));
      assertThat(outcome).as(sql).startsWith("refused: ");
    }
    assertThat(records()).isEqualTo(records);
    assertThat(values(chainSql("record_hash")).toString()).isEqualTo(before);
    assertThat(check().get("valid").asBoolean()).isTrue();
  }

  @Test
  void twenty_concurrent_submissions_of_different_families_make_one_valid_chain() {
    List<Family> families =
        stubs.population().families().stream()
            .filter(f -> f.key().startsWith("gen-"))
            .limit(20)
            .toList();

    List<Integer> statuses =
        Flux.fromIterable(families)
            .flatMap(
                family ->
                    Flux.just(family)
                        .publishOn(Schedulers.boundedElastic())
                        .map(
                            f ->
                                client
                                    .post()
                                    .uri("/api/v1/verifications")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(Families.submission(f, null))
                                    .exchange()
                                    .returnResult(JsonNode.class)
                                    .getStatus()
                                    .value()),
                20)
            .collectList()
            .block(Duration.ofSeconds(120));

    assertThat(statuses).hasSize(20).containsOnly(200);
    long records = records();
    assertThat(value("select count(*) from applications")).isEqualTo("20");
    // At least one query and two status changes per application.
    assertThat(records).isGreaterThanOrEqualTo(20 * 3);
    JsonNode check = check();
    assertThat(check.get("valid").asBoolean()).isTrue();
    assertThat(check.get("recordsChecked").asLong()).isEqualTo(records);
    assertThat(values(chainSql("chain_seq"))).containsExactlyElementsOf(positions(records));
    // Walked three records a page, across many pages, the chain checks the same.
    AuditChainCheck paged =
        new AuditChainVerifier(db, Clock.systemUTC(), 3).verify().block(Duration.ofSeconds(30));
    assertThat(paged.valid()).isTrue();
    assertThat(paged.recordsChecked()).isEqualTo(records);
  }

  @Test
  void a_break_is_found_however_the_chain_is_paged() {
    submitted(stubs.population().family("migrant-owner"));
    submitted(stubs.population().family("junior-local"));
    String id = value("select id from application_status_history order by chain_seq desc limit 1");
    long seq =
        Long.parseLong(value("select chain_seq from application_status_history where id = " + id));

    behindTheDatabasesBack(
        STATUS_CHANGES,
        "update application_status_history set reason = 'nothing happened' where id = " + id);

    for (int pageSize : new int[] {1, 2, 3, 500}) {
      AuditChainCheck check =
          new AuditChainVerifier(db, Clock.systemUTC(), pageSize)
              .verify()
              .block(Duration.ofSeconds(30));
      assertThat(check.valid()).as("page size %d", pageSize).isFalse();
      assertThat(check.firstBroken().id())
          .as("page size %d", pageSize)
          .isEqualTo(Long.parseLong(id));
      assertThat(check.recordsChecked()).as("page size %d", pageSize).isEqualTo(seq);
    }
  }

  @Test
  void the_operators_command_says_valid_or_names_the_broken_record_by_its_exit_code()
      throws Exception {
    submitted(stubs.population().family("local-simple"));
    long records = records();

    Command valid = auditVerify();

    assertThat(valid.exitCode()).as(valid.output()).isZero();
    assertThat(valid.output()).contains("audit chain VALID: " + records + " records");
    String id = value("select id from source_query_audit order by chain_seq limit 1");
    behindTheDatabasesBack(
        SOURCE_QUERIES, "update source_query_audit set client_id = 'other' where id = " + id);

    Command broken = auditVerify();

    assertThat(broken.exitCode()).as(broken.output()).isEqualTo(1);
    assertThat(broken.output())
        .contains("audit chain BROKEN")
        .contains("\"table\":\"source_query_audit\",\"id\":" + id + ",")
        .contains("RECORD_CHANGED");
  }

  private record Command(int exitCode, String output) {}

  /** Runs {@code bin/audit-verify} against this gateway, as an operator would. */
  private Command auditVerify() throws Exception {
    Path script = Path.of("..", "bin", "audit-verify");
    assertThat(script).exists();
    ProcessBuilder builder =
        new ProcessBuilder(
                "sh",
                script.toString(),
                "-H",
                gx.enrollment.gateway.support.TestClients.HEADER
                    + ": "
                    + gx.enrollment.gateway.support.TestClients.OPERATOR)
            .redirectErrorStream(true);
    builder
        .environment()
        .put("GATEWAY_URL", "http://localhost:" + environment.getProperty("local.server.port"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Command(process.exitValue(), output);
  }

  /** Runs {@code sql} with the append-only trigger of {@code table} off, as a table owner could. */
  private void behindTheDatabasesBack(String table, String sql) {
    String trigger = table + "_append_only";
    // One simple-query round trip: PostgreSQL runs it as one transaction.
    db.sql(
            "alter table "
                + table
                + " disable trigger "
                + trigger
                + "; "
                + sql
                + "; alter table "
                + table
                + " enable trigger "
                + trigger)
        .then()
        .block(Duration.ofSeconds(10));
  }

  private JsonNode check() {
    return client
        .get()
        .uri("/api/v1/ops/audit/verification")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  private JsonNode firstBroken() {
    JsonNode check = check();
    assertThat(check.get("valid").asBoolean()).isFalse();
    return check.get("firstBroken");
  }

  private long records() {
    return Long.parseLong(
        value(
            "select (select count(*) from source_query_audit)"
                + " + (select count(*) from application_status_history)"));
  }

  /** The record at {@code seq} of the chain, as {@code table:id}. */
  private String recordAt(long seq) {
    return value(
        "select t || ':' || id from (select 'source_query_audit' as t, id, chain_seq"
            + " from source_query_audit union all select 'application_status_history', id,"
            + " chain_seq from application_status_history) c where chain_seq = "
            + seq);
  }

  private static String chainSql(String columns) {
    return "select "
        + columns
        + " from (select chain_seq, id, record_hash from source_query_audit"
        + " union all select chain_seq, id, record_hash from application_status_history) c"
        + " order by chain_seq";
  }

  private static List<String> positions(long count) {
    return java.util.stream.LongStream.rangeClosed(1, count).mapToObj(Long::toString).toList();
  }
}
