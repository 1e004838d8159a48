package gx.enrollment.gateway.verification;

import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.connectors.SourceStatus;
import gx.enrollment.gateway.submission.QueryConsent;
import gx.enrollment.gateway.submission.Submission;
import io.r2dbc.postgresql.codec.Json;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
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

  public Mono<Void> save(
      UUID applicationId, String clientId, Submission submission, VerificationReport report) {
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
    Flux<Void> rows =
        Flux.fromIterable(report.sources())
            .concatMap(
                result ->
                    sourceResult(report.verificationId(), result)
                        .then(
                            result.status() == SourceStatus.SKIPPED
                                    || report.carriedOver(result.source())
                                ? Mono.empty()
                                : audit(applicationId, clientId, submission, report, result)));
    return header.thenMany(rows).then();
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

  private Mono<Void> sourceResult(String verificationId, SourceResult result) {
    return db.sql(
            """
            insert into source_results (verification_id, source, status, reason, latency_ms,
              attempts, checks)
            values (:verification, :source, :status, :reason, :latency, :attempts, :checks)
            """)
        .bind("verification", verificationId)
        .bind("source", result.source().name())
        .bind("status", result.status().name())
        .bind("reason", Parameter.fromOrEmpty(name(result.reason()), String.class))
        .bind("latency", (int) result.latencyMs())
        .bind("attempts", result.attempts())
        .bind("checks", Json.of(json.writeValueAsString(result.checks())))
        .then();
  }

  private Mono<Void> audit(
      UUID applicationId,
      String clientId,
      Submission submission,
      VerificationReport report,
      SourceResult result) {
    QueryConsent consent = QueryConsent.of(submission);
    if (consent == null) {
      // VerificationService asks nothing without one; a report claiming otherwise is a bug.
      return Mono.error(
          new IllegalStateException("a source was queried without consent: " + result.source()));
    }
    return db.sql(
            """
            insert into source_query_audit (queried_at, client_id, application_id, verification_id,
              source, request_id, purpose, consent_id, consent_basis, status, reason, attempts,
              latency_ms)
            values (:at, :client, :application, :verification, :source, :request, :purpose,
              :consent, :basis, :status, :reason, :attempts, :latency)
            """)
        .bind(
            "at",
            report
                .completedAt()
                .minusNanos(result.latencyMs() * 1_000_000)
                .withOffsetSameInstant(ZoneOffset.UTC))
        .bind("client", clientId)
        .bind("application", applicationId)
        .bind("verification", report.verificationId())
        .bind("source", result.source().name())
        .bind("request", VerificationService.requestId(report.verificationId(), result.source()))
        .bind("purpose", PURPOSE)
        .bind("consent", consent.consentId())
        .bind("basis", consent.basis().name())
        .bind("status", result.status().name())
        .bind("reason", Parameter.fromOrEmpty(name(result.reason()), String.class))
        .bind("attempts", result.attempts())
        .bind("latency", (int) result.latencyMs())
        .then();
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
