package gx.enrollment.gateway.material;

import gx.enrollment.gateway.application.ApplicationStatus;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Materials in PostgreSQL ({@code materials}): metadata in columns, the content sealed in one
 * {@code bytea}. Lists and sums never read the content.
 */
final class MaterialStore {

  private static final String COLUMNS =
      "id, section, media_type, size_bytes, sha256, file_name, uploaded_at, supplement_round";

  private final DatabaseClient db;

  MaterialStore(DatabaseClient db) {
    this.db = db;
  }

  /** A draft's state: whether (and as what) it was submitted. */
  record DraftState(@Nullable UUID submittedAs) {}

  /** An application's status and how many times it has been asked for a supplement so far. */
  record ApplicationState(ApplicationStatus status, int supplementRounds) {}

  /** How much an owner has stored. */
  record Usage(long count, long totalSize) {}

  /** A material's content as stored, sealed. */
  record SealedContent(Material material, String keyId, byte[] cipher) {}

  /**
   * The draft's state; with {@code lock}, the draft row stays locked until the transaction ends, so
   * that submitting it waits for an upload in progress and an upload sees a submission made.
   */
  Mono<DraftState> draft(UUID draftId, boolean lock) {
    return db.sql(
            "select submitted_as from drafts where id = :id" + (lock ? " for no key update" : ""))
        .bind("id", draftId)
        .map((row, meta) -> new DraftState(row.get("submitted_as", UUID.class)))
        .one();
  }

  /**
   * The application's state; with {@code lock}, its row stays locked until the transaction ends, so
   * that its status cannot change under an upload or a removal.
   */
  Mono<ApplicationState> application(UUID applicationId, boolean lock) {
    Mono<ApplicationStatus> status =
        db.sql(
                "select status from applications where id = :id"
                    + (lock ? " for no key update" : ""))
            .bind("id", applicationId)
            .map((row, meta) -> ApplicationStatus.valueOf(row.get("status", String.class)))
            .one();
    return status.flatMap(
        current ->
            db.sql(
                    """
                    select count(*) as rounds from application_status_history
                    where application_id = :id and to_status = :status
                    """)
                .bind("id", applicationId)
                .bind("status", ApplicationStatus.NEEDS_SUPPLEMENT.name())
                .map((row, meta) -> row.get("rounds", Long.class))
                .one()
                .map(rounds -> new ApplicationState(current, rounds.intValue())));
  }

  Mono<Usage> usage(MaterialOwner owner) {
    return db.sql(
            "select count(*) as files, coalesce(sum(size_bytes), 0)::bigint as total from materials where "
                + owner.condition())
        .bind("owner", owner.id())
        .map((row, meta) -> new Usage(row.get("files", Long.class), row.get("total", Long.class)))
        .one();
  }

  Mono<Material> insert(
      UUID id,
      MaterialOwner owner,
      @Nullable Integer supplementRound,
      Upload upload,
      String keyId,
      byte[] cipher,
      Instant now) {
    boolean draft = owner.kind() == MaterialOwner.Kind.DRAFT;
    return db.sql(
            """
            insert into materials (id, draft_id, application_id, supplement_round, section,
              media_type, file_name, size_bytes, sha256, key_id, content_cipher, uploaded_at)
            values (:id, :draft, :application, :round, :section, :mediaType, :fileName, :size,
              :sha256, :keyId, :cipher, :now)
            """)
        .bind("id", id)
        .bind("draft", Parameter.fromOrEmpty(draft ? owner.id() : null, UUID.class))
        .bind("application", Parameter.fromOrEmpty(draft ? null : owner.id(), UUID.class))
        .bind("round", Parameter.fromOrEmpty(supplementRound, Integer.class))
        .bind("section", upload.section().name())
        .bind("mediaType", upload.type().mediaType())
        .bind("fileName", upload.fileName())
        .bind("size", (long) upload.size())
        .bind("sha256", upload.sha256())
        .bind("keyId", keyId)
        .bind("cipher", ByteBuffer.wrap(cipher))
        .bind("now", now.atOffset(ZoneOffset.UTC))
        .then()
        .then(find(owner, id));
  }

  Flux<Material> list(MaterialOwner owner) {
    return db.sql(
            "select "
                + COLUMNS
                + " from materials where "
                + owner.condition()
                + " order by uploaded_at, id")
        .bind("owner", owner.id())
        .map((row, meta) -> material(row))
        .all();
  }

  Mono<Material> find(MaterialOwner owner, UUID materialId) {
    return db.sql("select " + COLUMNS + " from materials where id = :id and " + owner.condition())
        .bind("id", materialId)
        .bind("owner", owner.id())
        .map((row, meta) -> material(row))
        .one();
  }

  Mono<SealedContent> content(MaterialOwner owner, UUID materialId) {
    return db.sql(
            "select "
                + COLUMNS
                + ", key_id, content_cipher from materials where id = :id and "
                + owner.condition())
        .bind("id", materialId)
        .bind("owner", owner.id())
        .map(
            (row, meta) -> {
              ByteBuffer cipher = row.get("content_cipher", ByteBuffer.class);
              byte[] bytes = new byte[cipher.remaining()];
              cipher.get(bytes);
              return new SealedContent(material(row), row.get("key_id", String.class), bytes);
            })
        .one();
  }

  /** Removes a material of a draft not yet submitted; false if there is no such material. */
  Mono<Boolean> deleteFromOpenDraft(UUID draftId, UUID materialId) {
    return db.sql(
            "delete from materials where id = :id and draft_id = :draft and application_id is null")
        .bind("id", materialId)
        .bind("draft", draftId)
        .fetch()
        .rowsUpdated()
        .map(deleted -> deleted == 1);
  }

  /** Removes a material added to an application in supplement round {@code round}. */
  Mono<Boolean> deleteFromSupplementRound(UUID applicationId, UUID materialId, int round) {
    return db.sql(
            """
            delete from materials
            where id = :id and application_id = :application and supplement_round = :round
            """)
        .bind("id", materialId)
        .bind("application", applicationId)
        .bind("round", round)
        .fetch()
        .rowsUpdated()
        .map(deleted -> deleted == 1);
  }

  private static Material material(Readable row) {
    MaterialSection section = MaterialSection.valueOf(row.get("section", String.class));
    return new Material(
        row.get("id", UUID.class),
        section,
        section.label(),
        row.get("media_type", String.class),
        row.get("size_bytes", Long.class),
        row.get("sha256", String.class),
        row.get("file_name", String.class),
        row.get("uploaded_at", OffsetDateTime.class),
        row.get("supplement_round", Integer.class));
  }
}
