package gx.enrollment.gateway.verification;

import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.connectors.SourceStatus;
import gx.enrollment.gateway.submission.QueryConsent;
import gx.enrollment.gateway.submission.Submission;
import io.r2dbc.postgresql.codec.Json;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a verification report, its per-source results and the audit record of every source query
 * it made (who asked, about which application, which source, for what purpose, under which consent,
 * when, and what came of it) — results carried over from an earlier report were not asked, so they
 * leave no audit record. Joins the caller's transaction.
 *
 * <p>The audit rows are hash-chained by the database as they are inserted (trigger of {@code
 * V8__audit_chain.sql}; see {@code ops.AuditChain}): this class writes the facts only.
 */
public final class VerificationRecords {

  /** The legal purpose every query is made for (UPSTREAMS.md, {@code X-Purpose}). */
  static final String PURPOSE = QueryContext.ENROLLMENT;

  private final DatabaseClient db;
  private final JsonMapper json;

  public VerificationRecords(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /** The report and its per-source results: two statements, whatever the number of sources. */
  public Mono<Void> saveReport(UUID applicationId, VerificationReport report) {
    Mono<Void> header =
        db.sql(
                """
                insert into verification_reports (id, application_id, outcome, report, completed_at)
                values (:id, :application, :outcome, :report, :completed)
                """)
            .bind("id", report.verificationId())
            .bind("application", applicationId)
            .bind("outcome", report.outcome().name())
            .bind("report", Json.of(json.writeValueAsString(report)))
            .bind("completed", report.completedAt())
            .then();
    List<SourceResult> results = report.sources();
    if (results.isEmpty()) {
      return header;
    }
    int n = results.size();
    String[] sources = new String[n];
    String[] statuses = new String[n];
    String[] reasons = new String[n];
    Integer[] latencies = new Integer[n];
    Integer[] attempts = new Integer[n];
    String[] checks = new String[n];
    for (int i = 0; i < n; i++) {
      SourceResult result = results.get(i);
      sources[i] = result.source().name();
      statuses[i] = result.status().name();
      reasons[i] = name(result.reason());
      latencies[i] = (int) result.latencyMs();
      attempts[i] = result.attempts();
      checks[i] = json.writeValueAsString(result.checks());
    }
    Mono<Void> rows =
        db.sql(
                """
                insert into source_results (verification_id, source, status, reason, latency_ms,
                  attempts, checks)
                select :verification, r.source, r.status, r.reason, r.latency, r.attempts,
                  r.checks::jsonb
                from unnest(:sources::text[], :statuses::text[], :reasons::text[],
                  :latencies::int[], :attempts::int[], :checks::text[])
                  as r(source, status, reason, latency, attempts, checks)
                """)
            .bind("verification", report.verificationId())
            .bind("sources", sources)
            .bind("statuses", statuses)
            .bind("reasons", reasons)
            .bind("latencies", latencies)
            .bind("attempts", attempts)
            .bind("checks", checks)
            .then();
    return header.then(rows);
  }

  /**
   * The audit record of every source the report asked (carried-over and skipped sources were not
   * asked): one statement, rows in the report's order. Their inserts take the audit chain's head
   * (V8), which every transaction that changes a status or queries a source waits for: callers put
   * this last in their transaction, so that the head is held only from there to the commit.
   */
  public Mono<Void> audit(
      UUID applicationId, String clientId, Submission submission, VerificationReport report) {
    List<SourceResult> asked =
        report.sources().stream()
            .filter(
                result ->
                    result.status() != SourceStatus.SKIPPED && !report.carriedOver(result.source()))
            .toList();
    if (asked.isEmpty()) {
      return Mono.empty();
    }
    QueryConsent consent = QueryConsent.of(submission);
    if (consent == null) {
      // VerificationService asks nothing without one; a report claiming otherwise is a bug.
      return Mono.error(
          new IllegalStateException(
              "a source was queried without consent: " + asked.get(0).source()));
    }
    int n = asked.size();
    String[] queriedAt = new String[n];
    String[] sources = new String[n];
    String[] requests = new String[n];
    String[] statuses = new String[n];
    String[] reasons = new String[n];
    Integer[] attempts = new Integer[n];
    Integer[] latencies = new Integer[n];
    for (int i = 0; i < n; i++) {
      SourceResult result = asked.get(i);
      queriedAt[i] =
          report
              .completedAt()
              .minusNanos(result.latencyMs() * 1_000_000)
              .withOffsetSameInstant(ZoneOffset.UTC)
              .toString();
      sources[i] = result.source().name();
      requests[i] = VerificationService.requestId(report.verificationId(), result.source());
      statuses[i] = result.status().name();
      reasons[i] = name(result.reason());
      attempts[i] = result.attempts();
      latencies[i] = (int) result.latencyMs();
    }
    return db.sql(
            """
            insert into source_query_audit (queried_at, client_id, application_id, verification_id,
              source, request_id, purpose, consent_id, consent_basis, status, reason, attempts,
              latency_ms)
            select a.queried_at, :client, :application, :verification, a.source, a.request,
              :purpose, :consent, :basis, a.status, a.reason, a.attempts, a.latency
            from unnest(:at::timestamptz[], :sources::text[], :requests::text[],
              :statuses::text[], :reasons::text[], :attempts::int[], :latencies::int[])
              with ordinality as a(queried_at, source, request, status, reason, attempts, latency, n)
            order by a.n
            """)
        .bind("at", queriedAt)
        .bind("client", clientId)
        .bind("application", applicationId)
        .bind("verification", report.verificationId())
        .bind("sources", sources)
        .bind("requests", requests)
        .bind("purpose", PURPOSE)
        .bind("consent", consent.consentId())
        .bind("basis", consent.basis().name())
        .bind("statuses", statuses)
        .bind("reasons", reasons)
        .bind("attempts", attempts)
        .bind("latencies", latencies)
        .then();
  }

  /** The latest report stored for an application, if any. */
  public Mono<VerificationReport> latest(UUID applicationId) {
    return db.sql(
            """
            select report from verification_reports where application_id = :application
            order by completed_at desc, id desc limit 1
            """)
        .bind("application", applicationId)
        .map(
            (row, meta) ->
                json.readValue(row.get("report", Json.class).asString(), VerificationReport.class))
        .one();
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
