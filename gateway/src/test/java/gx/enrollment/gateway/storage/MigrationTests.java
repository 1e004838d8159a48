package gx.enrollment.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gx.enrollment.gateway.audit.AuditRecordHash;
import gx.enrollment.gateway.support.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Flyway migrations against a real PostgreSQL, each test on a fresh database: what they build,
 * that they carry the data of every earlier version forward, and that the schema itself enforces
 * one active application per child and school year.
 */
class MigrationTests {

  private static final Set<String> V1_TABLES =
      Set.of(
          "applications",
          "application_status_history",
          "consents",
          "verification_reports",
          "source_results",
          "source_query_audit",
          "idempotency_keys",
          "outbox");

  private static final String ONE_ACTIVE_PER_CHILD = "applications_one_active_per_child";
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String APPLICATION = "0192a3b4-0000-7000-8000-000000000001";

  /**
   * One representative row per table, in foreign-key order, written against the schema of V1. A
   * migration that adds a table adds its row here; one that changes a table so that a row written
   * for an earlier version no longer inserts keys these rows by version.
   */
  private static final Map<String, String> ROWS = new LinkedHashMap<>();

  static {
    // V8: the audit chain's head, before the audit records that link to it (the V8 migration
    // itself creates it only when it chains records stored before it).
    ROWS.put(
        "audit_chain",
        """
        insert into audit_chain (id, last_seq, last_hash, updated_at)
        values (1, 0, repeat('0', 64), '2025-05-01T07:00:00+08')
        """);
    ROWS.put(
        "applications",
        """
        insert into applications (id, reference, client_id, school_year, stage, form_type,
          region_code, channel, status, child_id_hash, child_id_cipher, guardian_id_hash,
          guardian_id_cipher, guardian_phone_cipher, key_id, form, verify_attempts,
          verify_lease_until, created_at, updated_at)
        values ('%s', 'GX2025-000001', 'portal-a', 2025, 'PRIMARY', 'RESIDENT', '450702', 'ONLINE',
          'PENDING_ACCEPTANCE', '\\x0102', '\\x0304', '\\x0506', '\\x0708', '\\x090a', 'dev-1',
          '{"student": {"name": "张三"}}', 1, now(), '2025-05-01T08:00:00+08', '2025-05-01T08:05:00+08')
        """
            .formatted(APPLICATION));
    ROWS.put(
        "application_status_history",
        """
        insert into application_status_history (application_id, from_status, to_status, actor,
          reason, changed_at)
        values ('%s', 'RECEIVED', 'PENDING_ACCEPTANCE', 'SYSTEM', 'verified', '2025-05-01T08:05:00+08')
        """
            .formatted(APPLICATION));
    ROWS.put(
        "consents",
        """
        insert into consents (application_id, consent_id, granted_at, real_name_verified,
          recorded_at)
        values ('%s', 'c-1', '2025-05-01T07:59:00+08', true, '2025-05-01T08:00:00+08')
        """
            .formatted(APPLICATION));
    ROWS.put(
        "verification_reports",
        """
        insert into verification_reports (id, application_id, outcome, report, completed_at)
        values ('v-1', '%s', 'ELIGIBLE', '{"sources": []}', '2025-05-01T08:05:00+08')
        """
            .formatted(APPLICATION));
    ROWS.put(
        "source_results",
        """
        insert into source_results (verification_id, source, status, reason, latency_ms, attempts,
          checks)
        values ('v-1', 'HOUSEHOLD', 'CONFIRMED', null, 120, 1, '[{"check": "resident"}]')
        """);
    ROWS.put(
        "source_query_audit",
        """
        insert into source_query_audit (queried_at, client_id, application_id, verification_id,
          source, request_id, purpose, consent_id, status, reason, attempts, latency_ms)
        values ('2025-05-01T08:04:59+08', 'portal-a', '%s', 'v-1', 'HOUSEHOLD', 'r-1',
          'ENROLLMENT_VERIFICATION', 'c-1', 'CONFIRMED', null, 1, 120)
        """
            .formatted(APPLICATION));
    ROWS.put(
        "idempotency_keys",
        """
        insert into idempotency_keys (client_id, idempotency_key, request_hash, state,
          application_id, response_status, response_body, created_at, completed_at)
        values ('portal-a', 'k-1', '\\x0a0b', 'COMPLETED', '%s', 201, '{"id": "%s"}',
          '2025-05-01T08:00:00+08', '2025-05-01T08:00:01+08')
        """
            .formatted(APPLICATION, APPLICATION));
    ROWS.put(
        "outbox",
        """
        insert into outbox (event_id, topic, event_key, event_type, lane, payload, created_at,
          sent_at, attempts, last_error)
        values ('0192a3b4-0000-7000-8000-0000000000e1', 'enrollment.applications', '%s',
          'ApplicationSubmitted', 3, '{"applicationId": "%s"}', '2025-05-01T08:00:00+08', null, 0,
          null)
        """
            .formatted(APPLICATION, APPLICATION));
    ROWS.put(
        "review_decisions",
        """
        insert into review_decisions (decision_id, application_id, decision, reviewer, outcome,
          from_status, to_status, note, details, received_at)
        values ('d-1', '%s', 'ACCEPT', 'r-1', 'APPLIED', 'PENDING_ACCEPTANCE', 'IN_PROGRESS',
          null, '{"supplements": []}', '2025-05-02T09:00:00+08')
        """
            .formatted(APPLICATION));
    ROWS.put(
        "sms_notifications",
        """
        insert into sms_notifications (event_id, application_id, to_status, state, attempts,
          message_id, last_error, created_at, updated_at)
        values ('0192a3b4-0000-7000-8000-0000000000f1', '%s', 'IN_PROGRESS', 'SENT', 1,
          'SMS000000000001', null, '2025-05-02T09:00:01+08', '2025-05-02T09:00:02+08')
        """
            .formatted(APPLICATION));
    ROWS.put(
        "ratings",
        """
        insert into ratings (application_id, score, comment, rated_at)
        values ('%s', 5, '很方便', '2025-05-03T10:00:00+08')
        """
            .formatted(APPLICATION));
    ROWS.put(
        "drafts",
        """
        insert into drafts (id, client_id, key_id, form_cipher, copied_from, submitted_as,
          created_at, updated_at)
        values ('0192a3b4-0000-7000-8000-0000000000d1', 'portal', 'dev-1', '\\x00', '%s', null,
          '2025-05-04T10:00:00+08', '2025-05-04T10:00:00+08')
        """
            .formatted(APPLICATION));
    ROWS.put(
        "lotteries",
        """
        insert into lotteries (id, school_code, school_name, region_code, school_year, stage,
          places, state, created_by, list_hash, seed_commitment, seed, seed_announced_at,
          admitted_count, created_at, frozen_at, drawn_at, published_at, publication)
        values ('0192a3b4-0000-7000-8000-0000000000c1', 'QZ-MB-01', '钦州市启明民办学校', '450702',
          2025, 'PRIMARY', 40, 'PUBLISHED', 'bureau-qz-01',
          'cca801a3bd96e722b39d61c6b0c0ce9fbff08517b484b0a5761b084636f9f470', null,
          '2025-07-10 排列5 31415', '2025-07-10T09:00:00+08', 1, '2025-07-01T09:00:00+08',
          '2025-07-05T09:00:00+08', '2025-07-10T10:00:00+08', '2025-07-10T11:00:00+08',
          '钦州市教育局公告 2025-12')
        """);
    ROWS.put(
        "lottery_entries",
        """
        insert into lottery_entries (lottery_id, reference, application_id, rank, rank_value,
          outcome, note)
        values ('0192a3b4-0000-7000-8000-0000000000c1', 'GX2025-000001', '%s', 1,
          'a607119cfb6fbe020661694f954905b5850c956fe9781e4178f735cecc14b05a', 'ADMITTED', null)
        """
            .formatted(APPLICATION));
    ROWS.put(
        "materials",
        """
        insert into materials (id, draft_id, application_id, supplement_round, section,
          media_type, file_name, size_bytes, sha256, key_id, content_cipher, uploaded_at)
        values ('0192a3b4-0000-7000-8000-0000000000e1', '0192a3b4-0000-7000-8000-0000000000d1',
          '%s', null, 'HOUSEHOLD', 'image/jpeg', '户口簿.jpg', 3,
          '0000000000000000000000000000000000000000000000000000000000000000', 'dev-1',
          '\\x0102030405', '2025-05-04T10:05:00+08')
        """
            .formatted(APPLICATION));
  }

  private final EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
  private String url = "";

  @BeforeEach
  void freshDatabase() {
    url = postgres.jdbcUrl(postgres.createDatabase("migration"));
  }

  @Test
  void builds_every_table_and_the_one_active_application_index_on_an_empty_database() {
    MigrateResult result = flyway(null).migrate();

    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isEqualTo(versions().size());
    assertThat(tables()).containsAll(V1_TABLES);
    assertThat(query("select sequence_name from information_schema.sequences"))
        .contains("application_reference_seq");
    assertThat(
            query(
                "select indexdef from pg_indexes where indexname = '" + ONE_ACTIVE_PER_CHILD + "'"))
        .singleElement(InstanceOfAssertFactories.STRING)
        .startsWith("CREATE UNIQUE INDEX " + ONE_ACTIVE_PER_CHILD)
        .contains("(school_year, child_id_hash)")
        .contains("WHERE")
        .contains("'RETURNED'", "'WITHDRAWN'");
  }

  @Test
  void carries_the_rows_of_every_earlier_version_to_the_latest() {
    List<MigrationVersion> versions = versions();

    // Today V1 is the only version, so nothing runs; every migration added later is checked here.
    for (MigrationVersion earlier : versions.subList(0, versions.size() - 1)) {
      freshDatabase();
      flyway(earlier).migrate();
      insertRepresentativeRows(earlier);
      Map<String, List<Map<String, String>>> before = snapshot();

      MigrateResult result = flyway(null).migrate();

      assertThat(result.success).as("migrating from %s", earlier).isTrue();
      flyway(null).validate();
      assertStillThere(before, earlier);
    }
  }

  @Test
  void changes_nothing_when_migrating_an_up_to_date_database() {
    flyway(null).migrate();
    insertRepresentativeRows(versions().get(versions().size() - 1));
    Map<String, List<Map<String, String>>> before = snapshot();

    MigrateResult again = flyway(null).migrate();

    assertThat(again.migrationsExecuted).isZero();
    flyway(null).validate();
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void v8_chains_the_audit_records_stored_before_it_in_order_of_time() throws SQLException {
    MigrationVersion beforeV8 =
        versions().stream()
            .filter(version -> version.compareTo(MigrationVersion.fromVersion("8")) < 0)
            .max(MigrationVersion::compareTo)
            .orElseThrow();
    flyway(beforeV8).migrate();
    insertRepresentativeRows(beforeV8);
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      // An offline application's query (no consent id) and a status change with Chinese text, both
      // earlier than the representative rows.
      statement.executeUpdate(
          """
          insert into applications (id, reference, client_id, school_year, stage, form_type,
            region_code, channel, status, child_id_hash, child_id_cipher, guardian_id_hash,
            guardian_id_cipher, guardian_phone_cipher, key_id, form, created_at, updated_at)
          values ('0192a3b4-0000-7000-8000-000000000002', 'GX2025-000002', 'counter-1', 2025,
            'PRIMARY', 'B', '451321', 'OFFLINE', 'WITHDRAWN', '\\x09', '\\x00', '\\x00',
            '\\x00', '\\x00', 'dev-1', '{}', '2025-04-30T08:00:00+08', '2025-04-30T08:00:00+08')
          """);
      statement.executeUpdate(
          """
          insert into source_query_audit (queried_at, client_id, application_id, verification_id,
            source, request_id, purpose, consent_id, status, reason, attempts, latency_ms)
          values ('2025-04-30T08:00:00.123456+08', 'counter-1',
            '0192a3b4-0000-7000-8000-000000000002', 'v-0', 'HOUSEHOLD', 'r-0', 'ENROLLMENT',
            null, 'UNAVAILABLE', 'TIMEOUT', 3, 2000)
          """);
      statement.executeUpdate(
          """
          insert into application_status_history (application_id, from_status, to_status, actor,
            reason, changed_at)
          values ('0192a3b4-0000-7000-8000-000000000002', 'PENDING_ACCEPTANCE', 'WITHDRAWN',
            'PARENT', '改为线下报名 | 1:~', '2025-04-30T09:00:00+08')
          """);
    }

    flyway(MigrationVersion.fromVersion("8")).migrate();

    assertThat(query(chain("table_name || ':' || chain_seq")))
        .containsExactly(
            "source_query_audit:1",
            "application_status_history:2",
            "source_query_audit:3",
            "application_status_history:4");
    assertThat(query("select consent_basis from source_query_audit order by chain_seq"))
        .containsExactly("OFFLINE_COUNTER", "ONLINE_CONSENT");
    assertChainRecomputesInJava(4);
  }

  @Test
  void v8_links_new_audit_records_as_they_are_inserted_whatever_they_say() throws SQLException {
    flyway(null).migrate();
    insertRepresentativeRows(MigrationVersion.fromVersion("8"));
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          """
          insert into application_status_history (application_id, from_status, to_status, actor,
            reason, changed_at, chain_seq, prev_hash, record_hash)
          values ('%s', 'PENDING_ACCEPTANCE', 'IN_PROGRESS', 'REVIEWER:r-1', '受理', now(), 99,
            'forged', 'forged')
          """
              .formatted(APPLICATION));
    }

    assertThat(query(chain("chain_seq::text"))).containsExactly("1", "2", "3");
    assertChainRecomputesInJava(3);
  }

  @Test
  void v8_fills_in_the_consent_basis_a_writer_leaves_out_and_refuses_a_query_without_consent()
      throws SQLException {
    flyway(null).migrate();
    insertRepresentativeRows(MigrationVersion.fromVersion("8"));
    execute(
        """
        insert into applications (id, reference, client_id, school_year, stage, form_type,
          region_code, channel, status, child_id_hash, child_id_cipher, guardian_id_hash,
          guardian_id_cipher, guardian_phone_cipher, key_id, form, created_at, updated_at)
        values ('0192a3b4-0000-7000-8000-000000000003', 'GX2025-000003', 'counter-1', 2025,
          'PRIMARY', 'B', '451321', 'OFFLINE', 'RECEIVED', '\\x0b', '\\x00', '\\x00',
          '\\x00', '\\x00', 'dev-1', '{}', now(), now())
        """);

    // As a gateway of an earlier version writes it: no basis, and no consent id offline.
    execute(
        """
        insert into source_query_audit (queried_at, client_id, application_id, verification_id,
          source, request_id, purpose, consent_id, status, reason, attempts, latency_ms)
        values (now(), 'counter-1', '0192a3b4-0000-7000-8000-000000000003', 'v-3', 'HOUSEHOLD',
          'r-3', 'ENROLLMENT', null, 'OK', null, 1, 20)
        """);

    assertThat(
            query(
                "select consent_basis || ' ' || consent_id from source_query_audit"
                    + " where verification_id = 'v-3'"))
        .containsExactly("OFFLINE_COUNTER OFFLINE-COUNTER");
    assertThatThrownBy(
            () ->
                execute(
                    """
                    insert into source_query_audit (queried_at, client_id, application_id,
                      verification_id, source, request_id, purpose, consent_id, status, reason,
                      attempts, latency_ms)
                    values (now(), 'portal-a', '%s', 'v-4', 'HOUSEHOLD', 'r-4', 'ENROLLMENT',
                      null, 'OK', null, 1, 20)
                    """
                        .formatted(APPLICATION)))
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> assertThat(e.getMessage()).contains("source_query_audit_consent_id_present"));
    assertChainRecomputesInJava(3);
  }

  @Test
  void v8_refuses_to_update_or_delete_audit_records_but_lets_them_be_truncated()
      throws SQLException {
    flyway(null).migrate();
    insertRepresentativeRows(MigrationVersion.fromVersion("8"));

    for (String sql :
        List.of(
            "update source_query_audit set status = 'OK'",
            "delete from source_query_audit",
            "update application_status_history set reason = 'nothing'",
            "delete from application_status_history",
            "delete from audit_chain",
            "update audit_chain set last_seq = 0")) {
      assertThatThrownBy(() -> execute(sql))
          .as(sql)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("refused");
    }
    assertThat(query(chain("chain_seq::text"))).containsExactly("1", "2");
    assertChainRecomputesInJava(2);

    execute("truncate source_query_audit, application_status_history, audit_chain");
    execute(ROWS.get("application_status_history"));
    assertThat(query(chain("chain_seq::text || ' ' || prev_hash")))
        .containsExactly("1 " + AuditRecordHash.GENESIS);
  }

  @ParameterizedTest(name = "first one {0}")
  @ValueSource(
      strings = {"RECEIVED", "PENDING_ACCEPTANCE", "IN_PROGRESS", "NEEDS_SUPPLEMENT", "COMPLETED"})
  void refuses_a_second_application_while_the_first_holds_the_child(String status)
      throws SQLException {
    flyway(null).migrate();
    byte[] child = {1, 2, 3};
    insertApplication(2025, child, status);

    assertThatThrownBy(() -> insertApplication(2025, child, "RECEIVED"))
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> {
              assertThat(e.getSQLState()).isEqualTo(UNIQUE_VIOLATION);
              assertThat(e.getMessage()).contains(ONE_ACTIVE_PER_CHILD);
            });
  }

  @ParameterizedTest(name = "first one {0}")
  @ValueSource(strings = {"RETURNED", "WITHDRAWN"})
  void accepts_a_new_application_once_the_first_is_returned_or_withdrawn(String status)
      throws SQLException {
    flyway(null).migrate();
    byte[] child = {1, 2, 3};
    insertApplication(2025, child, status);

    insertApplication(2025, child, "RECEIVED");

    assertThat(query("select status from applications order by status"))
        .containsExactlyInAnyOrder(status, "RECEIVED");
  }

  @Test
  void holds_a_child_only_within_one_school_year() throws SQLException {
    flyway(null).migrate();
    insertApplication(2025, new byte[] {1}, "RECEIVED");

    insertApplication(2026, new byte[] {1}, "RECEIVED");
    insertApplication(2025, new byte[] {2}, "RECEIVED");

    assertThat(query("select id from applications")).hasSize(3);
  }

  @Test
  void lets_exactly_one_of_fifty_concurrent_applications_for_one_child_through() throws Exception {
    flyway(null).migrate();
    byte[] child = {4, 5, 6};
    int attempts = 50;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<@Nullable String>> racers = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      racers.add(
          () -> {
            start.await();
            try {
              insertApplication(2025, child, "RECEIVED");
              return null;
            } catch (SQLException e) {
              return e.getSQLState();
            }
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<@Nullable String> outcomes = new ArrayList<>();
    try {
      List<Future<@Nullable String>> futures = new ArrayList<>();
      racers.forEach(racer -> futures.add(pool.submit(racer)));
      start.countDown();
      for (Future<@Nullable String> future : futures) {
        outcomes.add(future.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(outcomes).filteredOn(outcome -> outcome == null).hasSize(1);
    assertThat(outcomes)
        .filteredOn(outcome -> outcome != null)
        .hasSize(attempts - 1)
        .containsOnly(UNIQUE_VIOLATION);
    assertThat(query("select id from applications")).hasSize(1);
  }

  private Flyway flyway(@Nullable MigrationVersion target) {
    var configuration =
        Flyway.configure()
            .dataSource(url, postgres.username(), postgres.password())
            .locations("classpath:db/migration");
    if (target != null) {
      configuration.target(target);
    }
    return configuration.load();
  }

  /** Every versioned migration there is, oldest first, as Flyway finds them. */
  private List<MigrationVersion> versions() {
    List<MigrationVersion> versions =
        Arrays.stream(flyway(null).info().all())
            .map(MigrationInfo::getVersion)
            .filter(version -> version != null)
            .distinct()
            .sorted()
            .toList();
    assertThat(versions).as("versioned migrations in db/migration").isNotEmpty();
    return versions;
  }

  private void insertRepresentativeRows(MigrationVersion version) {
    Set<String> tables = tables();
    tables.remove("flyway_schema_history");
    assertThat(ROWS.keySet())
        .as("a representative row for every table at %s (add one to ROWS)", version)
        .containsAll(tables);
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> row : ROWS.entrySet()) {
        if (tables.contains(row.getKey())) {
          statement.executeUpdate(row.getValue());
        }
      }
    } catch (SQLException e) {
      throw new AssertionError("could not insert the representative rows at " + version, e);
    }
  }

  /** Every row of every table but Flyway's, each as column → value in text. */
  private Map<String, List<Map<String, String>>> snapshot() {
    Map<String, List<Map<String, String>>> snapshot = new TreeMap<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String table : tables()) {
        if (table.equals("flyway_schema_history")) {
          continue;
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery("select * from " + table)) {
          ResultSetMetaData meta = result.getMetaData();
          while (result.next()) {
            Map<String, String> row = new TreeMap<>();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
              row.put(meta.getColumnName(column), String.valueOf(result.getString(column)));
            }
            rows.add(row);
          }
        }
        snapshot.put(table, rows);
      }
    } catch (SQLException e) {
      throw new AssertionError("could not read the rows", e);
    }
    return snapshot;
  }

  // A later version may add columns (or tables); what an earlier one held must still read the same.
  private void assertStillThere(
      Map<String, List<Map<String, String>>> before, MigrationVersion from) {
    Map<String, List<Map<String, String>>> after = snapshot();
    before.forEach(
        (table, rows) -> {
          assertThat(after).as("table %s, migrated from %s", table, from).containsKey(table);
          if (rows.isEmpty()) {
            return;
          }
          List<Map<String, String>> kept = new ArrayList<>();
          for (Map<String, String> row : after.get(table)) {
            Map<String, String> earlierColumns = new TreeMap<>(row);
            earlierColumns.keySet().retainAll(rows.get(0).keySet());
            kept.add(earlierColumns);
          }
          assertThat(kept)
              .as("rows of %s, migrated from %s", table, from)
              .containsExactlyInAnyOrderElementsOf(rows);
        });
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** {@code columns} of every audit record, in chain order. */
  private static String chain(String columns) {
    return "select "
        + columns
        + " from (select 'source_query_audit' as table_name, chain_seq, prev_hash"
        + " from source_query_audit union all select 'application_status_history', chain_seq,"
        + " prev_hash from application_status_history) c order by chain_seq";
  }

  /**
   * Recomputes every record's hash in Java from its fields, as {@code audit.AuditRecordHash}
   * documents, and checks the links: the SQL of V8 and the Java check agree on the format.
   */
  private void assertChainRecomputesInJava(int records) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                """
                select 'source_query_audit' as t, id, chain_seq, prev_hash, record_hash,
                  queried_at as at, client_id, application_id::text as application_id,
                  verification_id, source, request_id, purpose, consent_id, consent_basis, status,
                  reason, attempts::text as attempts, latency_ms::text as latency_ms,
                  null as from_status, null as to_status, null as actor
                from source_query_audit
                union all
                select 'application_status_history', id, chain_seq, prev_hash, record_hash,
                  changed_at, null, application_id::text, null, null, null, null, null, null, null,
                  reason, null, null, from_status, to_status, actor
                from application_status_history
                order by chain_seq
                """)) {
      String previous = AuditRecordHash.GENESIS;
      long seq = 0;
      while (result.next()) {
        seq++;
        String table = result.getString("t");
        String at =
            AuditRecordHash.micros(result.getObject("at", OffsetDateTime.class).toInstant());
        List<@Nullable String> fields =
            table.equals("source_query_audit")
                ? Arrays.asList(
                    at,
                    result.getString("client_id"),
                    result.getString("application_id"),
                    result.getString("verification_id"),
                    result.getString("source"),
                    result.getString("request_id"),
                    result.getString("purpose"),
                    result.getString("consent_id"),
                    result.getString("consent_basis"),
                    result.getString("status"),
                    result.getString("reason"),
                    result.getString("attempts"),
                    result.getString("latency_ms"))
                : Arrays.asList(
                    result.getString("application_id"),
                    result.getString("from_status"),
                    result.getString("to_status"),
                    result.getString("actor"),
                    result.getString("reason"),
                    at);
        assertThat(result.getLong("chain_seq")).isEqualTo(seq);
        assertThat(result.getString("prev_hash")).as("link of %d", seq).isEqualTo(previous);
        String expected = AuditRecordHash.hash(table, seq, result.getLong("id"), fields, previous);
        assertThat(result.getString("record_hash")).as("hash of %d", seq).isEqualTo(expected);
        previous = expected;
        rows.add(new String[] {table});
      }
      assertThat(rows).hasSize(records);
      assertThat(query("select last_seq || ' ' || last_hash from audit_chain"))
          .containsExactly(records + " " + previous);
    }
  }

  private void insertApplication(int schoolYear, byte[] childHash, String status)
      throws SQLException {
    try (Connection connection = connect();
        PreparedStatement insert =
            connection.prepareStatement(
                """
                insert into applications (id, reference, client_id, school_year, stage, form_type,
                  region_code, channel, status, child_id_hash, child_id_cipher, guardian_id_hash,
                  guardian_id_cipher, guardian_phone_cipher, key_id, form, created_at, updated_at)
                values (?, ?, 'portal-a', ?, 'PRIMARY', 'RESIDENT', '450702', 'ONLINE', ?, ?,
                  '\\x00', '\\x00', '\\x00', '\\x00', 'dev-1', '{}', now(), now())
                """)) {
      UUID id = UUID.randomUUID();
      insert.setObject(1, id);
      insert.setString(2, "GX-" + id);
      insert.setInt(3, schoolYear);
      insert.setString(4, status);
      insert.setBytes(5, childHash);
      insert.executeUpdate();
    }
  }

  private Set<String> tables() {
    return new TreeSet<>(
        query(
            "select table_name from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE'"));
  }

  private List<String> query(String sql) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (result.next()) {
        values.add(result.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new AssertionError("could not run " + sql, e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, postgres.username(), postgres.password());
  }
}
