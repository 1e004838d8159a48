package gx.enrollment.gateway.lottery;

import gx.enrollment.gateway.application.ApplicationStatus;
import gx.enrollment.gateway.application.StoredApplication;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Lotteries and their entries in PostgreSQL. Every method joins the caller's transaction. */
public final class LotteryStore {

  private static final String ONE_PER_SCHOOL = "lotteries_school_code_school_year_stage_key";
  private static final String ONE_LOTTERY_PER_APPLICATION = "lottery_entries_application_id_key";

  private final DatabaseClient db;
  private final JsonMapper json;

  public LotteryStore(DatabaseClient db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  /** The school has a lottery for the school year and stage already. */
  public static final class LotteryExists extends RuntimeException {
    LotteryExists(Throwable cause) {
      super("the school has a lottery already", cause, false, false);
    }
  }

  /** An application entered another lottery meanwhile. */
  public static final class AlreadyInALottery extends RuntimeException {
    AlreadyInALottery(Throwable cause) {
      super("an application is in another lottery", cause, false, false);
    }
  }

  /** A lottery's own row. */
  public record LotteryRow(
      UUID id,
      String schoolCode,
      String schoolName,
      String regionCode,
      int schoolYear,
      String stage,
      int places,
      LotteryState state,
      String createdBy,
      OffsetDateTime createdAt,
      @Nullable String listHash,
      @Nullable OffsetDateTime frozenAt,
      @Nullable String seedCommitment,
      @Nullable String seed,
      @Nullable OffsetDateTime seedAnnouncedAt,
      @Nullable OffsetDateTime drawnAt,
      @Nullable Integer admittedCount,
      @Nullable OffsetDateTime publishedAt,
      @Nullable String publication) {}

  /** An application as a lottery sees it. */
  public record Applicant(
      UUID applicationId,
      String reference,
      String clientId,
      ApplicationStatus status,
      int schoolYear,
      String stage,
      String regionCode,
      @Nullable UUID lotteryId) {

    StoredApplication handle() {
      return new StoredApplication(applicationId, reference, clientId);
    }
  }

  /** A new lottery with its applicants, in state CREATED. */
  public Mono<Void> insert(LotteryRow lottery, List<Applicant> applicants) {
    Mono<Void> header =
        db.sql(
                """
                insert into lotteries (id, school_code, school_name, region_code, school_year,
                  stage, places, state, created_by, created_at)
                values (:id, :code, :name, :region, :year, :stage, :places, :state, :by, :now)
                """)
            .bind("id", lottery.id())
            .bind("code", lottery.schoolCode())
            .bind("name", lottery.schoolName())
            .bind("region", lottery.regionCode())
            .bind("year", lottery.schoolYear())
            .bind("stage", lottery.stage())
            .bind("places", lottery.places())
            .bind("state", LotteryState.CREATED.name())
            .bind("by", lottery.createdBy())
            .bind("now", lottery.createdAt())
            .then()
            .onErrorMap(
                DuplicateKeyException.class,
                e ->
                    String.valueOf(e.getMessage()).contains(ONE_PER_SCHOOL)
                        ? new LotteryExists(e)
                        : e);
    Mono<Void> entries =
        Flux.fromIterable(applicants)
            .concatMap(
                applicant ->
                    db.sql(
                            """
                            insert into lottery_entries (lottery_id, reference, application_id)
                            values (:lottery, :reference, :application)
                            """)
                        .bind("lottery", lottery.id())
                        .bind("reference", applicant.reference())
                        .bind("application", applicant.applicationId())
                        .then())
            .then()
            .onErrorMap(
                DuplicateKeyException.class,
                e ->
                    String.valueOf(e.getMessage()).contains(ONE_LOTTERY_PER_APPLICATION)
                        ? new AlreadyInALottery(e)
                        : e);
    return header.then(entries);
  }

  /** The applications with these references, with the lottery each is in, if any. */
  public Flux<Applicant> applicants(Collection<String> references) {
    return db.sql(
            """
            select a.id, a.reference, a.client_id, a.status, a.school_year, a.stage, a.region_code,
              e.lottery_id
            from applications a left join lottery_entries e on e.application_id = a.id
            where a.reference = any(:references)
            """)
        .bind("references", references.toArray(new String[0]))
        .map(LotteryStore::applicant)
        .all();
  }

  /**
   * The applicants of a lottery, their application rows locked until the transaction ends (in id
   * order, so that two transactions cannot deadlock on them).
   */
  public Flux<Applicant> lockApplicants(UUID lotteryId) {
    return db.sql(
            """
            select a.id, a.reference, a.client_id, a.status, a.school_year, a.stage, a.region_code,
              e.lottery_id
            from lottery_entries e join applications a on a.id = e.application_id
            where e.lottery_id = :lottery
            order by a.id
            for update of a
            """)
        .bind("lottery", lotteryId)
        .map(LotteryStore::applicant)
        .all();
  }

  /** The lottery, its row locked until the transaction ends; empty if there is none. */
  public Mono<LotteryRow> lock(UUID id) {
    return db.sql("select * from lotteries where id = :id for update")
        .bind("id", id)
        .map(LotteryStore::lottery)
        .one();
  }

  public Mono<LotteryRow> find(UUID id) {
    return db.sql("select * from lotteries where id = :id")
        .bind("id", id)
        .map(LotteryStore::lottery)
        .one();
  }

  /** The entries: after the draw by rank, before it by reference. */
  public Mono<List<LotteryView.EntryLine>> entries(UUID lotteryId) {
    return db.sql(
            """
            select reference, rank, rank_value, outcome, note from lottery_entries
            where lottery_id = :lottery order by rank nulls last, reference
            """)
        .bind("lottery", lotteryId)
        .map(
            (row, meta) ->
                new LotteryView.EntryLine(
                    row.get("reference", String.class),
                    row.get("rank", Integer.class),
                    row.get("rank_value", String.class),
                    row.get("outcome", String.class),
                    row.get("note", String.class)))
        .all()
        .collectList();
  }

  public Mono<Void> freeze(UUID id, String listHash, @Nullable String commitment, Instant now) {
    return db.sql(
            """
            update lotteries set state = 'FROZEN', list_hash = :hash, seed_commitment = :commitment,
              frozen_at = :now
            where id = :id and state = 'CREATED'
            """)
        .bind("hash", listHash)
        .bind("commitment", Parameter.fromOrEmpty(commitment, String.class))
        .bind("now", at(now))
        .bind("id", id)
        .then();
  }

  public Mono<Void> announceSeed(UUID id, String seed, Instant now) {
    return db.sql(
            """
            update lotteries set state = 'SEEDED', seed = :seed, seed_announced_at = :now
            where id = :id and state = 'FROZEN'
            """)
        .bind("seed", seed)
        .bind("now", at(now))
        .bind("id", id)
        .then();
  }

  public Mono<Void> recordEntry(UUID lotteryId, LotteryDraw.Entry entry, @Nullable String note) {
    return db.sql(
            """
            update lottery_entries set rank = :rank, rank_value = :value, outcome = :outcome,
              note = :note
            where lottery_id = :lottery and reference = :reference
            """)
        .bind("rank", entry.rank())
        .bind("value", entry.rankValue())
        .bind("outcome", entry.outcome().name())
        .bind("note", Parameter.fromOrEmpty(note, String.class))
        .bind("lottery", lotteryId)
        .bind("reference", entry.reference())
        .then();
  }

  public Mono<Void> markDrawn(UUID id, int admitted, Instant now) {
    return db.sql(
            """
            update lotteries set state = 'DRAWN', admitted_count = :admitted, drawn_at = :now
            where id = :id and state = 'SEEDED'
            """)
        .bind("admitted", admitted)
        .bind("now", at(now))
        .bind("id", id)
        .then();
  }

  public Mono<Void> publish(UUID id, @Nullable String publication, Instant now) {
    return db.sql(
            """
            update lotteries set state = 'PUBLISHED', publication = :publication,
              published_at = :now
            where id = :id and state = 'DRAWN'
            """)
        .bind("publication", Parameter.fromOrEmpty(publication, String.class))
        .bind("now", at(now))
        .bind("id", id)
        .then();
  }

  /** Deletes a lottery still CREATED, with its entries. */
  public Mono<Void> delete(UUID id) {
    return db.sql("delete from lotteries where id = :id and state = 'CREATED'")
        .bind("id", id)
        .then();
  }

  /**
   * Records the admission as the decision that completed the application, as reviewers' ones are
   * (so {@code GET /api/v1/applications/{id}/result} reads it the same way).
   */
  public Mono<Void> recordAdmission(
      LotteryRow lottery, Applicant applicant, int rank, String note, Instant now) {
    Map<String, Object> details =
        Map.of(
            "admitted", true,
            "school", lottery.schoolName(),
            "schoolCode", lottery.schoolCode(),
            "lotteryId", lottery.id().toString(),
            "rank", rank);
    return db.sql(
            """
            insert into review_decisions (decision_id, application_id, decision, reviewer, outcome,
              from_status, to_status, note, details, received_at)
            values (:id, :application, 'COMPLETE', :reviewer, 'APPLIED', 'IN_PROGRESS',
              'COMPLETED', :note, :details, :now)
            """)
        .bind("id", "lottery:" + lottery.id() + ":" + applicant.reference())
        .bind("application", applicant.applicationId())
        .bind("reviewer", "lottery:" + lottery.id())
        .bind("note", note)
        .bind("details", Json.of(json.writeValueAsString(details)))
        .bind("now", at(now))
        .then();
  }

  private static Applicant applicant(Readable row) {
    return new Applicant(
        row.get("id", UUID.class),
        row.get("reference", String.class),
        row.get("client_id", String.class),
        ApplicationStatus.valueOf(row.get("status", String.class)),
        row.get("school_year", Integer.class),
        row.get("stage", String.class),
        row.get("region_code", String.class),
        row.get("lottery_id", UUID.class));
  }

  private static LotteryRow lottery(Readable row) {
    return new LotteryRow(
        row.get("id", UUID.class),
        row.get("school_code", String.class),
        row.get("school_name", String.class),
        row.get("region_code", String.class),
        row.get("school_year", Integer.class),
        row.get("stage", String.class),
        row.get("places", Integer.class),
        LotteryState.valueOf(row.get("state", String.class)),
        row.get("created_by", String.class),
        row.get("created_at", OffsetDateTime.class),
        row.get("list_hash", String.class),
        row.get("frozen_at", OffsetDateTime.class),
        row.get("seed_commitment", String.class),
        row.get("seed", String.class),
        row.get("seed_announced_at", OffsetDateTime.class),
        row.get("drawn_at", OffsetDateTime.class),
        row.get("admitted_count", Integer.class),
        row.get("published_at", OffsetDateTime.class),
        row.get("publication", String.class));
  }

  static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
