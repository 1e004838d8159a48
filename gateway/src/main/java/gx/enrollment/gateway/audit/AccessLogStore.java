package gx.enrollment.gateway.audit;

import gx.enrollment.connectors.Source;
import gx.enrollment.gateway.application.ApplicationStatus;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Reads one application's access log from the audit tables, by its application id only. */
public final class AccessLogStore {

  static final String SOURCE_QUERY = "SOURCE_QUERY";
  static final String STATUS_CHANGE = "STATUS_CHANGE";

  private final DatabaseClient db;

  public AccessLogStore(DatabaseClient db) {
    this.db = db;
  }

  /** The application's log, oldest first; empty if there is no such application. */
  public Mono<AccessLog> of(UUID applicationId) {
    Mono<String> reference =
        db.sql("select reference from applications where id = :id")
            .bind("id", applicationId)
            .map((row, meta) -> row.get("reference", String.class))
            .one();
    return reference.flatMap(
        ref ->
            db.sql(
                    """
                    select 'SOURCE_QUERY' as kind, queried_at as happened_at, chain_seq, source,
                      client_id, purpose, consent_basis, consent_id, status, reason,
                      verification_id, null::text as from_status, null::text as to_status,
                      null::text as actor
                    from source_query_audit where application_id = :id
                    union all
                    select 'STATUS_CHANGE', changed_at, chain_seq, null, null, null, null, null,
                      null, reason, null, from_status, to_status, actor
                    from application_status_history where application_id = :id
                    order by happened_at, chain_seq
                    """)
                .bind("id", applicationId)
                .map(
                    (row, meta) -> {
                      OffsetDateTime at = row.get("happened_at", OffsetDateTime.class);
                      if (SOURCE_QUERY.equals(row.get("kind", String.class))) {
                        String source = row.get("source", String.class);
                        return (AccessLog.Entry)
                            new AccessLog.SourceQuery(
                                SOURCE_QUERY,
                                at,
                                source,
                                label(source),
                                row.get("client_id", String.class),
                                row.get("purpose", String.class),
                                row.get("consent_basis", String.class),
                                row.get("consent_id", String.class),
                                row.get("status", String.class),
                                row.get("reason", String.class),
                                row.get("verification_id", String.class));
                      }
                      String to = row.get("to_status", String.class);
                      return new AccessLog.StatusChange(
                          STATUS_CHANGE,
                          at,
                          row.get("from_status", String.class),
                          to,
                          ApplicationStatus.valueOf(to).label(),
                          row.get("actor", String.class),
                          row.get("reason", String.class));
                    })
                .all()
                .collectList()
                .map(entries -> new AccessLog(applicationId, ref, entries)));
  }

  private static String label(String source) {
    try {
      return Source.valueOf(source).label();
    } catch (IllegalArgumentException unknown) {
      return source;
    }
  }
}
