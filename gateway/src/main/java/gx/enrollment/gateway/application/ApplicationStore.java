package gx.enrollment.gateway.application;

import gx.enrollment.connectors.IdNumbers;
import gx.enrollment.gateway.storage.PersonalDataProtector;
import gx.enrollment.gateway.submission.Submission;
import gx.enrollment.gateway.submission.SubmissionRequest;
import io.r2dbc.postgresql.codec.Json;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applications in PostgreSQL. Every method joins the caller's reactive transaction, if any. ID
 * numbers and the phone are written only as ciphertexts plus, for the child, a keyed hash that the
 * one-active-application index and the lookups use; the form is kept without them.
 */
public final class ApplicationStore {

  private static final String ONE_ACTIVE_PER_CHILD = "applications_one_active_per_child";
  private static final String CHILD_ID = "child_id_cipher";
  private static final String GUARDIAN_ID = "guardian_id_cipher";
  private static final String GUARDIAN_PHONE = "guardian_phone_cipher";

  private final DatabaseClient db;
  private final PersonalDataProtector protector;
  private final JsonMapper json;

  public ApplicationStore(DatabaseClient db, PersonalDataProtector protector, JsonMapper json) {
    this.db = db;
    this.protector = protector;
    this.json = json;
  }

  /** The child already holds an active application; raised by {@link #insertReceived}. */
  public static final class ChildAlreadyApplied extends RuntimeException {
    ChildAlreadyApplied(Throwable cause) {
      super("the child already has an active application", cause, false, false);
    }
  }

  /** An active application of a child, as a refusal names it. */
  public record ActiveApplication(UUID id, String reference, String channel) {}

  /**
   * Stores a new application in status {@link ApplicationStatus#RECEIVED}, with its consent, leased
   * to the caller until {@code leaseUntil} so that recovery leaves it alone while the caller
   * verifies it; the first line of its history is {@link #recordReceived}, in the same transaction.
   *
   * @throws ChildAlreadyApplied (as the error signal) when the child holds an active application
   */
  public Mono<StoredApplication> insertReceived(
      UUID id,
      Submission submission,
      SubmissionRequest form,
      String clientId,
      Instant now,
      Instant leaseUntil) {
    // Each ciphertext is bound to its column, so one cannot be passed off as another.
    var consent = submission.consent();
    // One statement: the reference is drawn from the sequence (GX<year>-<6 digits or more>) and
    // the consent, if any, stored with the application.
    return sealed(
            db.sql(
                """
            with app as (
              insert into applications (id, reference, client_id, school_year, stage, form_type,
                region_code, channel, status, child_id_hash, child_id_cipher, guardian_id_hash,
                guardian_id_cipher, guardian_phone_cipher, key_id, form, verify_lease_until,
                created_at, updated_at)
              select :id, 'GX' || :year || '-' || lpad(s.n::text, greatest(6, length(s.n::text)), '0'),
                :client, :year, :stage, :form, :region, :channel, :status, :childHash,
                :childCipher, :guardianHash, :guardianCipher, :phoneCipher, :keyId, :formJson,
                :lease, :now, :now
              from (select nextval('application_reference_seq') as n) s
              returning id, reference),
            consent as (
              insert into consents (application_id, consent_id, granted_at, real_name_verified,
                recorded_at)
              select id, :consent, :granted, :verified, :now from app where :hasConsent)
            select reference from app
            """),
            submission,
            form)
        .bind("id", id)
        .bind("client", clientId)
        .bind("year", submission.schoolYear())
        .bind("stage", submission.stage().name())
        .bind("form", submission.formType().name())
        .bind("region", submission.area().code())
        .bind("channel", submission.channel().name())
        .bind("status", ApplicationStatus.RECEIVED.name())
        .bind("childHash", bytes(childHash(submission)))
        .bind("lease", at(leaseUntil))
        .bind("now", at(now))
        .bind("hasConsent", consent != null)
        .bind(
            "consent",
            Parameter.fromOrEmpty(consent == null ? null : consent.consentId(), String.class))
        .bind(
            "granted",
            Parameter.fromOrEmpty(
                consent == null ? null : consent.grantedAt(), OffsetDateTime.class))
        .bind(
            "verified",
            Parameter.fromOrEmpty(
                consent == null ? null : consent.realNameVerified(), Boolean.class))
        .map((row, meta) -> row.get("reference", String.class))
        .one()
        .onErrorMap(
            DuplicateKeyException.class,
            e ->
                String.valueOf(e.getMessage()).contains(ONE_ACTIVE_PER_CHILD)
                    ? new ChildAlreadyApplied(e)
                    : e)
        .map(reference -> new StoredApplication(id, reference, clientId));
  }

  /**
   * The first line of an application's history ({@code RECEIVED}), which links it into the audit
   * chain (V8): the caller writes it last in the transaction of {@link #insertReceived}, so that
   * the chain's head, which every status change and source query waits for, is held only from there
   * to the commit.
   */
  public Mono<Void> recordReceived(UUID id, Instant now) {
    return db.sql(
            """
            insert into application_status_history (application_id, from_status, to_status, actor,
              reason, changed_at)
            values (:id, null, :to, 'SYSTEM', 'submitted', :now)
            """)
        .bind("id", id)
        .bind("to", ApplicationStatus.RECEIVED.name())
        .bind("now", at(now))
        .then();
  }

  /**
   * Replaces the form of an application waiting for a supplement (补齐补正) by the corrected one, for
   * the same child; signals {@link StatusConflictException} when it is no longer waiting for it,
   * and empties when the corrected form names another child.
   */
  public Mono<Boolean> replaceForm(
      UUID id, Submission submission, SubmissionRequest form, Instant now) {
    return sealed(
            db.sql(
                """
            update applications set form_type = :form, region_code = :region, stage = :stage,
              channel = :channel, child_id_cipher = :childCipher,
              guardian_id_hash = :guardianHash, guardian_id_cipher = :guardianCipher,
              guardian_phone_cipher = :phoneCipher, key_id = :keyId, form = :formJson,
              updated_at = :now
            where id = :id and status = 'NEEDS_SUPPLEMENT' and child_id_hash = :childHash
              and school_year = :year
            """),
            submission,
            form)
        .bind("form", submission.formType().name())
        .bind("region", submission.area().code())
        .bind("stage", submission.stage().name())
        .bind("channel", submission.channel().name())
        .bind("now", at(now))
        .bind("id", id)
        .bind("childHash", bytes(childHash(submission)))
        .bind("year", submission.schoolYear())
        .fetch()
        .rowsUpdated()
        .map(updated -> updated == 1);
  }

  /**
   * Binds what an application stores of a form: the identifiers sealed ({@code childCipher}, {@code
   * guardianHash}, {@code guardianCipher}, {@code phoneCipher}, {@code keyId}) and the form without
   * them ({@code formJson}).
   */
  private DatabaseClient.GenericExecuteSpec sealed(
      DatabaseClient.GenericExecuteSpec statement, Submission submission, SubmissionRequest form) {
    var child = protector.seal(submission.student().idNumber().value(), CHILD_ID);
    var guardian = protector.seal(submission.guardian().idNumber().value(), GUARDIAN_ID);
    var phone = protector.seal(submission.guardian().phone(), GUARDIAN_PHONE);
    return statement
        .bind("childCipher", bytes(child.ciphertext()))
        .bind("guardianHash", bytes(protector.hash(submission.guardian().idNumber().value())))
        .bind("guardianCipher", bytes(guardian.ciphertext()))
        .bind("phoneCipher", bytes(phone.ciphertext()))
        .bind("keyId", child.keyId())
        .bind("formJson", Json.of(json.writeValueAsString(withoutIdentifiers(form))));
  }

  /** The keyed hash of the child's ID number, as the uniqueness index and lookups use it. */
  public byte[] childHash(Submission submission) {
    return protector.hash(submission.student().idNumber().value());
  }

  /** The child's active application for the school year, if any. */
  public Mono<ActiveApplication> findActive(int schoolYear, byte[] childHash) {
    return db.sql(
            """
            select id, reference, channel from applications
            where school_year = :year and child_id_hash = :hash
              and status not in ('RETURNED', 'WITHDRAWN')
            """)
        .bind("year", schoolYear)
        .bind("hash", bytes(childHash))
        .map(
            (row, meta) ->
                new ActiveApplication(
                    row.get("id", UUID.class),
                    row.get("reference", String.class),
                    row.get("channel", String.class)))
        .one();
  }

  /**
   * Moves an application from {@code from} to {@code to} and records it in the history; does
   * nothing and signals {@link StatusConflictException} when it is no longer in {@code from}.
   */
  public Mono<Void> changeStatus(
      UUID id,
      ApplicationStatus from,
      ApplicationStatus to,
      String actor,
      String reason,
      Instant now) {
    // One statement, one round trip: the update locks the application's row and feeds the history
    // insert, whose trigger then takes the audit chain's head (V8), in the order every
    // transaction follows. No row moved: the application was not in `from`.
    return db.sql(
            """
            with moved as (
              update applications set status = :to, updated_at = :now, verify_lease_until = null
              where id = :id and status = :from
              returning id)
            insert into application_status_history (application_id, from_status, to_status, actor,
              reason, changed_at)
            select id, :from, :to, :actor, :reason, :now from moved
            """)
        .bind("to", to.name())
        .bind("from", from.name())
        .bind("now", at(now))
        .bind("id", id)
        .bind("actor", actor)
        .bind("reason", Parameter.fromOrEmpty(reason, String.class))
        .fetch()
        .rowsUpdated()
        .flatMap(
            inserted ->
                inserted == 1
                    ? Mono.<Void>empty()
                    : Mono.error(new StatusConflictException(id, from)));
  }

  /**
   * Takes up to {@code limit} applications still {@link ApplicationStatus#RECEIVED} whose lease has
   * run out (their verifier died), leasing them to the caller for {@code lease}. Several gateway
   * instances may call this at once: {@code SKIP LOCKED} gives each its own.
   */
  public Flux<UUID> claimUnverified(Instant now, Duration lease, int limit, int maxAttempts) {
    return db.sql(
            """
            update applications set verify_lease_until = :until,
              verify_attempts = verify_attempts + 1
            where id in (
              select id from applications
              where status = 'RECEIVED' and verify_attempts < :max
                and (verify_lease_until is null or verify_lease_until < :now)
              order by created_at
              limit :limit
              for update skip locked)
            returning id
            """)
        .bind("until", at(now.plus(lease)))
        .bind("now", at(now))
        .bind("max", maxAttempts)
        .bind("limit", limit)
        .map((row, meta) -> row.get("id", UUID.class))
        .all();
  }

  /**
   * Takes up to {@code limit} applications waiting for acceptance whose latest report could not ask
   * one of {@code sources} (sources whose breaker is closed now), at least {@code recheckAfter}
   * after that report, leasing them to the caller for {@code lease}.
   */
  public Flux<UUID> claimForRecheck(
      Instant now,
      Duration recheckAfter,
      Duration lease,
      String[] sources,
      int limit,
      int maxAttempts) {
    return db.sql(
            """
            update applications set verify_lease_until = :until,
              verify_attempts = verify_attempts + 1
            where id in (
              select a.id from applications a
              join lateral (
                select r.id, r.completed_at from verification_reports r
                where r.application_id = a.id order by r.completed_at desc limit 1) latest on true
              where a.status = 'PENDING_ACCEPTANCE' and a.verify_attempts < :max
                and (a.verify_lease_until is null or a.verify_lease_until < :now)
                and latest.completed_at < :reportedBefore
                and exists (
                  select 1 from source_results s
                  where s.verification_id = latest.id and s.status = 'UNAVAILABLE'
                    and s.source = any(:sources))
              order by a.updated_at
              limit :limit
              for update of a skip locked)
            returning id
            """)
        .bind("until", at(now.plus(lease)))
        .bind("now", at(now))
        .bind("max", maxAttempts)
        .bind("reportedBefore", at(now.minus(recheckAfter)))
        .bind("sources", sources)
        .bind("limit", limit)
        .map((row, meta) -> row.get("id", UUID.class))
        .all();
  }

  /**
   * Releases an application after a re-check that found it still waiting for acceptance; signals
   * {@link StatusConflictException} when it has moved on meanwhile (the new report is then not
   * stored).
   */
  public Mono<Void> releaseAfterRecheck(UUID id, Instant now) {
    return db.sql(
            """
            update applications set verify_lease_until = null, updated_at = :now
            where id = :id and status = 'PENDING_ACCEPTANCE'
            """)
        .bind("now", at(now))
        .bind("id", id)
        .fetch()
        .rowsUpdated()
        .flatMap(
            updated ->
                updated == 1
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new StatusConflictException(id, ApplicationStatus.PENDING_ACCEPTANCE)));
  }

  /** The admission result recorded by the decision that completed the application. */
  public Mono<ApplicationResult> result(UUID id) {
    return db.sql(
            """
            select a.reference, d.details, d.note, d.received_at
            from applications a join review_decisions d on d.application_id = a.id
            where a.id = :id and d.outcome = 'APPLIED' and d.to_status = 'COMPLETED'
            order by d.received_at desc limit 1
            """)
        .bind("id", id)
        .map(
            (row, meta) -> {
              var details = json.readTree(row.get("details", Json.class).asString());
              return new ApplicationResult(
                  id,
                  row.get("reference", String.class),
                  details.path("admitted").asBoolean(false),
                  details.path("school").isTextual() ? details.path("school").asText() : null,
                  row.get("note", String.class),
                  row.get("received_at", OffsetDateTime.class));
            })
        .one();
  }

  /** Stores the rating unless one exists; empty when the application was rated already. */
  public Mono<Rating> rate(UUID id, int score, @Nullable String comment, Instant now) {
    return db.sql(
            """
            insert into ratings (application_id, score, comment, rated_at)
            values (:id, :score, :comment, :now)
            on conflict (application_id) do nothing
            returning rated_at
            """)
        .bind("id", id)
        .bind("score", score)
        .bind("comment", Parameter.fromOrEmpty(comment, String.class))
        .bind("now", at(now))
        .map(
            (row, meta) ->
                new Rating(id, score, comment, row.get("rated_at", OffsetDateTime.class)))
        .one();
  }

  /** The guardian's phone, decrypted, for a notice; empty if there is no such application. */
  public Mono<String> guardianPhone(UUID id) {
    return db.sql("select key_id, guardian_phone_cipher from applications where id = :id")
        .bind("id", id)
        .map(
            (row, meta) ->
                open(
                    row.get("key_id", String.class),
                    row.get(GUARDIAN_PHONE, ByteBuffer.class),
                    GUARDIAN_PHONE))
        .one();
  }

  /** The application's handle and current status, if it exists. */
  public Mono<StoredStatus> status(UUID id) {
    return db.sql("select reference, client_id, status from applications where id = :id")
        .bind("id", id)
        .map(
            (row, meta) ->
                new StoredStatus(
                    new StoredApplication(
                        id, row.get("reference", String.class), row.get("client_id", String.class)),
                    ApplicationStatus.valueOf(row.get("status", String.class))))
        .one();
  }

  /** The area (GB/T 2260 code) the application was filed in, if it exists. */
  public Mono<String> region(UUID id) {
    return db.sql("select region_code from applications where id = :id")
        .bind("id", id)
        .map((row, meta) -> row.get(0, String.class))
        .one();
  }

  /** An application's handle and status. */
  public record StoredStatus(StoredApplication application, ApplicationStatus status) {}

  /** The application as the guardian sees it, identifiers masked; empty if there is none. */
  public Mono<ApplicationView> view(UUID id) {
    Mono<List<ApplicationView.HistoryLine>> history =
        db.sql(
                """
                select from_status, to_status, actor, reason, changed_at
                from application_status_history where application_id = :id order by id
                """)
            .bind("id", id)
            .map(
                (row, meta) -> {
                  String from = row.get("from_status", String.class);
                  ApplicationStatus to =
                      ApplicationStatus.valueOf(row.get("to_status", String.class));
                  return new ApplicationView.HistoryLine(
                      from == null ? null : ApplicationStatus.valueOf(from),
                      to,
                      to.label(),
                      row.get("actor", String.class),
                      row.get("reason", String.class),
                      row.get("changed_at", OffsetDateTime.class));
                })
            .all()
            .collectList();
    Mono<List<ApplicationView.ReportLine>> reports =
        db.sql(
                """
                select id, outcome, completed_at from verification_reports
                where application_id = :id order by completed_at
                """)
            .bind("id", id)
            .map(
                (row, meta) ->
                    new ApplicationView.ReportLine(
                        row.get("id", String.class),
                        row.get("outcome", String.class),
                        row.get("completed_at", OffsetDateTime.class)))
            .all()
            .collectList();
    Mono<List<ApplicationView.MaterialLine>> materials =
        db.sql(
                """
                select id, section, media_type, size_bytes, sha256, file_name, uploaded_at
                from materials where application_id = :id order by uploaded_at, id
                """)
            .bind("id", id)
            .map(
                (row, meta) ->
                    new ApplicationView.MaterialLine(
                        row.get("id", UUID.class),
                        row.get("section", String.class),
                        row.get("media_type", String.class),
                        row.get("size_bytes", Long.class),
                        row.get("sha256", String.class),
                        row.get("file_name", String.class),
                        row.get("uploaded_at", OffsetDateTime.class)))
            .all()
            .collectList();
    Mono<ApplicationView> header =
        db.sql(
                """
                select reference, status, school_year, stage, form_type, region_code, channel,
                  created_at, form, key_id, child_id_cipher, guardian_id_cipher,
                  guardian_phone_cipher
                from applications where id = :id
                """)
            .bind("id", id)
            .map(
                (row, meta) -> {
                  String keyId = row.get("key_id", String.class);
                  SubmissionRequest form =
                      json.readValue(
                          row.get("form", Json.class).asString(), SubmissionRequest.class);
                  ApplicationStatus status =
                      ApplicationStatus.valueOf(row.get("status", String.class));
                  return new ApplicationView(
                      id,
                      row.get("reference", String.class),
                      status,
                      status.label(),
                      row.get("school_year", Integer.class),
                      row.get("stage", String.class),
                      row.get("form_type", String.class),
                      row.get("region_code", String.class),
                      row.get("channel", String.class),
                      row.get("created_at", OffsetDateTime.class),
                      withIdentifiers(
                          form,
                          IdNumbers.mask(
                              open(keyId, row.get(CHILD_ID, ByteBuffer.class), CHILD_ID)),
                          IdNumbers.mask(
                              open(keyId, row.get(GUARDIAN_ID, ByteBuffer.class), GUARDIAN_ID)),
                          IdNumbers.mask(
                              open(
                                  keyId,
                                  row.get(GUARDIAN_PHONE, ByteBuffer.class),
                                  GUARDIAN_PHONE))),
                      List.of(),
                      List.of(),
                      List.of());
                })
            .one();
    return header.zipWith(
        Mono.zip(history, reports, materials),
        (view, lines) ->
            new ApplicationView(
                view.applicationId(),
                view.reference(),
                view.status(),
                view.statusLabel(),
                view.schoolYear(),
                view.stage(),
                view.formType(),
                view.regionCode(),
                view.channel(),
                view.createdAt(),
                view.form(),
                lines.getT1(),
                lines.getT2(),
                lines.getT3()));
  }

  /** The stored form of an application with its identifiers decrypted, for a new verification. */
  public Mono<StoredForm> loadForm(UUID id) {
    return db.sql(
            """
            select reference, client_id, key_id, form, child_id_cipher, guardian_id_cipher,
              guardian_phone_cipher, status
            from applications where id = :id
            """)
        .bind("id", id)
        .map(
            (row, meta) -> {
              String keyId = row.get("key_id", String.class);
              SubmissionRequest form =
                  json.readValue(row.get("form", Json.class).asString(), SubmissionRequest.class);
              return new StoredForm(
                  new StoredApplication(
                      id, row.get("reference", String.class), row.get("client_id", String.class)),
                  ApplicationStatus.valueOf(row.get("status", String.class)),
                  withIdentifiers(
                      form,
                      open(keyId, row.get(CHILD_ID, ByteBuffer.class), CHILD_ID),
                      open(keyId, row.get(GUARDIAN_ID, ByteBuffer.class), GUARDIAN_ID),
                      open(keyId, row.get(GUARDIAN_PHONE, ByteBuffer.class), GUARDIAN_PHONE)));
            })
        .one();
  }

  /** An application as stored: its handle, status and the form as it was submitted. */
  public record StoredForm(
      StoredApplication application, ApplicationStatus status, SubmissionRequest form) {}

  private String open(String keyId, ByteBuffer cipher, String column) {
    byte[] bytes = new byte[cipher.remaining()];
    cipher.get(bytes);
    return protector.open(keyId, bytes, column);
  }

  private static SubmissionRequest withoutIdentifiers(SubmissionRequest form) {
    return withIdentifiers(form, null, null, null);
  }

  private static SubmissionRequest withIdentifiers(
      SubmissionRequest form,
      @Nullable String childId,
      @Nullable String guardianId,
      @Nullable String phone) {
    var student = form.student();
    var guardian = form.guardian();
    return new SubmissionRequest(
        form.schoolYear(),
        form.stage(),
        form.formType(),
        form.regionCode(),
        form.channel(),
        student == null ? null : new SubmissionRequest.PersonFields(childId, student.name()),
        guardian == null
            ? null
            : new SubmissionRequest.GuardianFields(
                guardianId, guardian.name(), guardian.relation(), phone),
        form.residencePermit(),
        form.employment(),
        form.residence(),
        form.priorityCategory(),
        form.consent());
  }

  private static ByteBuffer bytes(byte[] value) {
    return ByteBuffer.wrap(value);
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
