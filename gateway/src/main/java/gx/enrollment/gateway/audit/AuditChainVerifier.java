package gx.enrollment.gateway.audit;

import gx.enrollment.gateway.audit.AuditChainCheck.Broken;
import gx.enrollment.gateway.audit.AuditChainCheck.Reason;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Walks the audit chain from its genesis to its head, page by page in {@code chain_seq} order (a
 * page of records in memory at a time, however long the chain), recomputing every record's hash
 * from its fields in Java ({@link AuditRecordHash}) rather than trusting the database's trigger,
 * and stops at the first record that does not fit.
 */
public final class AuditChainVerifier {

  static final String SOURCE_QUERIES = "source_query_audit";
  static final String STATUS_CHANGES = "application_status_history";
  static final String HEAD = "audit_chain";

  private static final Logger log = LoggerFactory.getLogger(AuditChainVerifier.class);

  private final DatabaseClient db;
  private final Clock clock;
  private final int pageSize;

  public AuditChainVerifier(DatabaseClient db, Clock clock, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive");
    }
    this.db = db;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /** One record as stored: where it is in the chain, its links, and its hashed fields. */
  record StoredRecord(
      String table,
      long id,
      long chainSeq,
      String prevHash,
      String recordHash,
      List<@Nullable String> fields) {}

  /** The head as it was when the check began; {@code present} false before the first record. */
  private record Head(boolean present, long lastSeq, String lastHash) {}

  public Mono<AuditChainCheck> verify() {
    return Mono.defer(
        () -> {
          OffsetDateTime startedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
          return head()
              .defaultIfEmpty(new Head(false, 0, AuditRecordHash.GENESIS))
              .flatMap(
                  head -> {
                    Walk walk = new Walk();
                    // Without a head, walk whatever there is: records without one are a break.
                    long upTo = head.present() ? head.lastSeq() : Long.MAX_VALUE;
                    return page(0, upTo)
                        .expand(
                            records ->
                                records.size() < pageSize
                                    ? Mono.empty()
                                    : page(records.get(records.size() - 1).chainSeq(), upTo))
                        .concatMapIterable(records -> records)
                        .takeUntil(record -> !walk.accept(record))
                        .then(Mono.fromSupplier(() -> walk.result(head, startedAt)));
                  })
              .doOnNext(
                  check -> {
                    Broken broken = check.firstBroken();
                    if (broken != null) {
                      log.error(
                          "audit chain broken at {} id={} seq={} ({}) after {} records",
                          broken.table(),
                          broken.id(),
                          broken.chainSeq(),
                          broken.reason(),
                          check.recordsChecked());
                    } else {
                      log.info("audit chain valid: {} records", check.recordsChecked());
                    }
                  });
        });
  }

  private Mono<Head> head() {
    return db.sql("select last_seq, last_hash from audit_chain where id = 1")
        .map(
            (row, meta) ->
                new Head(true, row.get("last_seq", Long.class), row.get("last_hash", String.class)))
        .one();
  }

  /** The next records after {@code afterSeq}, up to {@code upTo}, oldest first. */
  private Mono<List<StoredRecord>> page(long afterSeq, long upTo) {
    return db.sql(
            """
            (select 'source_query_audit' as tbl, id, chain_seq, prev_hash, record_hash,
                queried_at as happened_at, client_id, application_id, verification_id, source,
                request_id, purpose, consent_id, consent_basis, status, reason, attempts,
                latency_ms, null::text as from_status, null::text as to_status, null::text as actor
              from source_query_audit
              where chain_seq > :after and chain_seq <= :upTo
              order by chain_seq limit :limit)
            union all
            (select 'application_status_history', id, chain_seq, prev_hash, record_hash,
                changed_at, null::text, application_id, null::text, null::text, null::text,
                null::text, null::text, null::text, null::text, reason, null::integer,
                null::integer, from_status, to_status, actor
              from application_status_history
              where chain_seq > :after and chain_seq <= :upTo
              order by chain_seq limit :limit)
            order by chain_seq limit :limit
            """)
        .bind("after", afterSeq)
        .bind("upTo", upTo)
        .bind("limit", pageSize)
        .map(
            (row, meta) -> {
              String table = row.get("tbl", String.class);
              String at =
                  AuditRecordHash.micros(row.get("happened_at", OffsetDateTime.class).toInstant());
              String application = String.valueOf(row.get("application_id", UUID.class));
              List<@Nullable String> fields =
                  SOURCE_QUERIES.equals(table)
                      ? Arrays.asList(
                          at,
                          row.get("client_id", String.class),
                          application,
                          row.get("verification_id", String.class),
                          row.get("source", String.class),
                          row.get("request_id", String.class),
                          row.get("purpose", String.class),
                          row.get("consent_id", String.class),
                          row.get("consent_basis", String.class),
                          row.get("status", String.class),
                          row.get("reason", String.class),
                          AuditRecordHash.number(row.get("attempts", Integer.class)),
                          AuditRecordHash.number(row.get("latency_ms", Integer.class)))
                      : Arrays.asList(
                          application,
                          row.get("from_status", String.class),
                          row.get("to_status", String.class),
                          row.get("actor", String.class),
                          row.get("reason", String.class),
                          at);
              return new StoredRecord(
                  table,
                  row.get("id", Long.class),
                  row.get("chain_seq", Long.class),
                  row.get("prev_hash", String.class),
                  row.get("record_hash", String.class),
                  fields);
            })
        .all()
        .collectList();
  }

  /** The state of one walk: where it is and what it found. */
  private static final class Walk {

    private long checked;
    private long lastSeq;
    private String lastHash = AuditRecordHash.GENESIS;
    private @Nullable Broken broken;

    /** Checks the next record; false when it breaks the chain (the walk stops there). */
    boolean accept(StoredRecord record) {
      checked++;
      long expectedSeq = lastSeq + 1;
      String expected =
          AuditRecordHash.hash(record.table(), expectedSeq, record.id(), record.fields(), lastHash);
      Reason reason = null;
      if (!record.prevHash().equals(lastHash)) {
        reason = Reason.LINK_BROKEN;
      } else if (record.chainSeq() != expectedSeq) {
        reason = Reason.SEQUENCE_GAP;
      } else if (!expected.equals(record.recordHash())) {
        reason = Reason.RECORD_CHANGED;
      }
      if (reason != null) {
        broken =
            new Broken(
                record.table(),
                record.id(),
                record.chainSeq(),
                expected,
                record.recordHash(),
                reason);
        return false;
      }
      lastSeq = record.chainSeq();
      lastHash = record.recordHash();
      return true;
    }

    AuditChainCheck result(Head head, OffsetDateTime at) {
      Broken found = broken;
      if (found == null && (head.lastSeq() != lastSeq || !head.lastHash().equals(lastHash))) {
        found =
            new Broken(
                HEAD,
                1,
                head.lastSeq(),
                head.lastHash(),
                lastHash,
                head.lastSeq() > lastSeq ? Reason.TAIL_MISSING : Reason.HEAD_MISMATCH);
      }
      return new AuditChainCheck(
          found == null, checked, head.lastSeq(), head.lastHash(), found, at);
    }
  }
}
