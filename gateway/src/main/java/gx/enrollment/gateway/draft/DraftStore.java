package gx.enrollment.gateway.draft;

import gx.enrollment.gateway.storage.PersonalDataProtector;
import gx.enrollment.gateway.submission.SubmissionRequest;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Drafts in PostgreSQL, each form sealed whole (it may hold identifiers anywhere). */
public final class DraftStore {

  private static final String FORM = "drafts.form_cipher";

  private final DatabaseClient db;
  private final PersonalDataProtector protector;
  private final JsonMapper json;
  private final TransactionalOperator transactions;

  public DraftStore(
      DatabaseClient db,
      PersonalDataProtector protector,
      JsonMapper json,
      TransactionalOperator transactions) {
    this.db = db;
    this.protector = protector;
    this.json = json;
    this.transactions = transactions;
  }

  /** A draft as stored. */
  public record Draft(
      UUID draftId,
      SubmissionRequest form,
      @Nullable UUID copiedFrom,
      @Nullable UUID submittedAs,
      OffsetDateTime updatedAt) {}

  public Mono<Draft> create(
      UUID id, String clientId, SubmissionRequest form, @Nullable UUID copiedFrom, Instant now) {
    var sealed = protector.seal(json.writeValueAsString(form), FORM);
    return db.sql(
            """
            insert into drafts (id, client_id, key_id, form_cipher, copied_from, created_at,
              updated_at)
            values (:id, :client, :key, :form, :copied, :now, :now)
            """)
        .bind("id", id)
        .bind("client", clientId)
        .bind("key", sealed.keyId())
        .bind("form", ByteBuffer.wrap(sealed.ciphertext()))
        .bind("copied", Parameter.fromOrEmpty(copiedFrom, UUID.class))
        .bind("now", now.atOffset(ZoneOffset.UTC))
        .then()
        .then(find(id));
  }

  /** Replaces the form of a draft not yet submitted; empty when there is no such open draft. */
  public Mono<Draft> update(UUID id, SubmissionRequest form, Instant now) {
    var sealed = protector.seal(json.writeValueAsString(form), FORM);
    return db.sql(
            """
            update drafts set key_id = :key, form_cipher = :form, updated_at = :now
            where id = :id and submitted_as is null
            """)
        .bind("key", sealed.keyId())
        .bind("form", ByteBuffer.wrap(sealed.ciphertext()))
        .bind("now", now.atOffset(ZoneOffset.UTC))
        .bind("id", id)
        .fetch()
        .rowsUpdated()
        .flatMap(updated -> updated == 1 ? find(id) : Mono.empty());
  }

  public Mono<Draft> find(UUID id) {
    return db.sql(
            """
            select key_id, form_cipher, copied_from, submitted_as, updated_at
            from drafts where id = :id
            """)
        .bind("id", id)
        .map(
            (row, meta) -> {
              ByteBuffer cipher = row.get("form_cipher", ByteBuffer.class);
              byte[] bytes = new byte[cipher.remaining()];
              cipher.get(bytes);
              String form = protector.open(row.get("key_id", String.class), bytes, FORM);
              return new Draft(
                  id,
                  json.readValue(form, SubmissionRequest.class),
                  row.get("copied_from", UUID.class),
                  row.get("submitted_as", UUID.class),
                  row.get("updated_at", OffsetDateTime.class));
            })
        .one();
  }

  /**
   * Records that the draft became application {@code applicationId}, and gives the application the
   * materials uploaded to the draft, in one transaction. The draft row is updated first: an upload
   * in progress holds it locked, so this waits for that upload, whose material then moves too.
   */
  public Mono<Void> markSubmitted(UUID id, UUID applicationId, Instant now) {
    return db.sql(
            """
            update drafts set submitted_as = :application, updated_at = :now
            where id = :id and submitted_as is null
            """)
        .bind("application", applicationId)
        .bind("now", now.atOffset(ZoneOffset.UTC))
        .bind("id", id)
        .then()
        .then(
            db.sql(
                    """
                    update materials set application_id = drafts.submitted_as
                    from drafts
                    where drafts.id = :id and drafts.submitted_as is not null
                      and materials.draft_id = drafts.id and materials.application_id is null
                    """)
                .bind("id", id)
                .then())
        .as(transactions::transactional);
  }
}
