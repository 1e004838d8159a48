package gx.enrollment.gateway.events;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The relay's queries over the unsent rows of the outbox. All but {@link #recordFailure} and {@link
 * #count} are meant to run inside one pass's transaction: the lane locks and row locks they take
 * last until it ends.
 */
final class UnsentEvents {

  /**
   * The first key of every lane's advisory lock ({@code 'outb'} in ASCII); the lane is the second.
   * No other advisory lock of this database may use it.
   */
  static final int LANE_LOCK_SPACE = 0x6F757462;

  private static final String TAKE_LANES =
      """
      select lane from generate_series(0, :lastLane) as lane
      where pg_try_advisory_xact_lock(:lockSpace, lane)
      """;

  // SKIP LOCKED on top of the lane locks: a row can never be claimed twice, even by a relay
  // that (misconfigured) counts lanes differently.
  private static final String CLAIM =
      """
      select id, topic, payload::text as envelope from outbox
      where sent_at is null and lane = any(:lanes)
      order by id
      limit :limit
      for update skip locked
      """;

  private static final String MARK_SENT =
      """
      update outbox set sent_at = clock_timestamp(), attempts = attempts + 1
      where id = any(:ids)
      """;

  // Outside the failed pass's transaction, which rolled back; rows another relay has claimed
  // meanwhile are skipped rather than waited for.
  private static final String RECORD_FAILURE =
      """
      update outbox set attempts = attempts + 1, last_error = :error
      where id in (select id from outbox
                   where id = any(:ids) and sent_at is null
                   for update skip locked)
      """;

  private static final String COUNT = "select count(*) from outbox where sent_at is null";

  private static final int MAX_ERROR_LENGTH = 500;

  private final DatabaseClient database;
  private final int lanes;

  UnsentEvents(DatabaseClient database, int lanes) {
    this.database = database;
    this.lanes = lanes;
  }

  /** The lanes no other transaction holds, now held by this one until it ends. */
  Mono<List<Integer>> takeLanes() {
    return database
        .sql(TAKE_LANES)
        .bind("lastLane", lanes - 1)
        .bind("lockSpace", LANE_LOCK_SPACE)
        .map(row -> row.get("lane", Integer.class))
        .all()
        .collectList();
  }

  /** Up to {@code limit} unsent rows of {@code lanes}, oldest first, locked until the end. */
  Mono<List<UnsentEvent>> claim(List<Integer> lanes, int limit) {
    return database
        .sql(CLAIM)
        .bind("lanes", lanes.toArray(Integer[]::new))
        .bind("limit", limit)
        .map(
            row ->
                new UnsentEvent(
                    row.get("id", Long.class),
                    EventEnvelope.read(
                        row.get("topic", String.class), row.get("envelope", String.class))))
        .all()
        .collectList();
  }

  Mono<Void> markSent(List<Long> ids) {
    return database.sql(MARK_SENT).bind("ids", ids.toArray(Long[]::new)).then();
  }

  Mono<Void> recordFailure(List<Long> ids, String error) {
    String truncated =
        error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    return database
        .sql(RECORD_FAILURE)
        .bind("ids", ids.toArray(Long[]::new))
        .bind("error", truncated)
        .then();
  }

  Mono<Long> count() {
    return database.sql(COUNT).map(row -> row.get(0, Long.class)).one();
  }

  /** One claimed row: its outbox id and the event it holds. */
  record UnsentEvent(long id, OutboxEvent event) {}
}
