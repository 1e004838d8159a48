package gx.enrollment.gateway.material;

import gx.enrollment.gateway.application.ApplicationStatus;
import gx.enrollment.gateway.ids.TimeOrderedIds;
import gx.enrollment.gateway.storage.PersonalDataProtector;
import gx.enrollment.gateway.web.ProblemException;
import gx.enrollment.gateway.web.ProblemType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The rules of materials. A draft takes materials until it is submitted; they then belong to the
 * application it became. An application takes more only while it waits for a supplement (待补正), and
 * a material can be removed only from a draft not yet submitted, or from an application in 待补正 if
 * it was added in that round. Every owner is held to {@code max-files} and {@code max-total-size}:
 * checked before the body is read (to refuse early) and again, with the owner's row locked, in the
 * transaction that stores the file — so two uploads racing cannot both pass, and an upload racing
 * the draft's submission either lands before it (and goes with it) or is refused.
 */
public final class MaterialService {

  private static final Logger log = LoggerFactory.getLogger(MaterialService.class);

  private static final String SUBMITTED = "SUBMITTED";
  private static final String SUBMITTED_LABEL = "已提交";

  private final MaterialStore store;
  private final PersonalDataProtector protector;
  private final TransactionalOperator transactions;
  private final MaterialsProperties limits;
  private final Clock clock;

  MaterialService(
      MaterialStore store,
      PersonalDataProtector protector,
      TransactionalOperator transactions,
      MaterialsProperties limits,
      Clock clock) {
    this.store = store;
    this.protector = protector;
    this.transactions = transactions;
    this.limits = limits;
    this.clock = clock;
  }

  /** The limits callers are held to. */
  public MaterialsProperties limits() {
    return limits;
  }

  // ---------------------------------------------------------------- drafts

  Mono<Material> uploadToDraft(UUID draftId, Flux<PartEvent> parts) {
    MaterialOwner owner = MaterialOwner.draft(draftId);
    return store
        .draft(draftId, false)
        .switchIfEmpty(Mono.error(() -> notFound(owner)))
        .flatMap(draft -> draftOpen(owner, draft))
        .then(store.usage(owner))
        .flatMap(usage -> roomFor(owner, usage, 0))
        .then(UploadReader.read(parts, limits.maxFileSize().toBytes()))
        .flatMap(
            upload -> {
              UUID id = TimeOrderedIds.next();
              PersonalDataProtector.Sealed sealed = seal(id, upload);
              return store
                  .draft(draftId, true)
                  .switchIfEmpty(Mono.error(() -> notFound(owner)))
                  .flatMap(draft -> draftOpen(owner, draft))
                  .then(store.usage(owner))
                  .flatMap(usage -> roomFor(owner, usage, upload.size()))
                  .then(
                      store.insert(
                          id,
                          owner,
                          null,
                          upload,
                          sealed.keyId(),
                          sealed.ciphertext(),
                          clock.instant()))
                  .as(transactions::transactional);
            })
        .doOnNext(material -> logStored(owner, material));
  }

  Mono<Void> deleteFromDraft(UUID draftId, UUID materialId) {
    MaterialOwner owner = MaterialOwner.draft(draftId);
    return store
        .draft(draftId, true)
        .switchIfEmpty(Mono.error(() -> notFound(owner)))
        .flatMap(draft -> draftOpen(owner, draft))
        .then(store.deleteFromOpenDraft(draftId, materialId))
        .flatMap(
            deleted ->
                deleted ? Mono.<Void>empty() : Mono.error(materialNotFound(owner, materialId)))
        .as(transactions::transactional);
  }

  Mono<List<Material>> listOfDraft(UUID draftId) {
    MaterialOwner owner = MaterialOwner.draft(draftId);
    return store
        .draft(draftId, false)
        .switchIfEmpty(Mono.error(() -> notFound(owner)))
        .then(store.list(owner).collectList());
  }

  // ---------------------------------------------------------------- applications

  Mono<Material> uploadToApplication(UUID applicationId, Flux<PartEvent> parts) {
    MaterialOwner owner = MaterialOwner.application(applicationId);
    return store
        .application(applicationId, false)
        .switchIfEmpty(Mono.error(() -> notFound(owner)))
        .flatMap(MaterialService::waitingForSupplement)
        .then(store.usage(owner))
        .flatMap(usage -> roomFor(owner, usage, 0))
        .then(UploadReader.read(parts, limits.maxFileSize().toBytes()))
        .flatMap(
            upload -> {
              UUID id = TimeOrderedIds.next();
              PersonalDataProtector.Sealed sealed = seal(id, upload);
              return store
                  .application(applicationId, true)
                  .switchIfEmpty(Mono.error(() -> notFound(owner)))
                  .flatMap(
                      state ->
                          waitingForSupplement(state)
                              .then(store.usage(owner))
                              .flatMap(usage -> roomFor(owner, usage, upload.size()))
                              .then(
                                  store.insert(
                                      id,
                                      owner,
                                      state.supplementRounds(),
                                      upload,
                                      sealed.keyId(),
                                      sealed.ciphertext(),
                                      clock.instant())))
                  .as(transactions::transactional);
            })
        .doOnNext(material -> logStored(owner, material));
  }

  Mono<Void> deleteFromApplication(UUID applicationId, UUID materialId) {
    MaterialOwner owner = MaterialOwner.application(applicationId);
    return store
        .application(applicationId, true)
        .switchIfEmpty(Mono.error(() -> notFound(owner)))
        .flatMap(
            state ->
                store
                    .find(owner, materialId)
                    .switchIfEmpty(Mono.error(() -> materialNotFound(owner, materialId)))
                    .flatMap(material -> removable(state, material))
                    .then(
                        store.deleteFromSupplementRound(
                            applicationId, materialId, state.supplementRounds())))
        .then()
        .as(transactions::transactional);
  }

  Mono<List<Material>> listOfApplication(UUID applicationId) {
    MaterialOwner owner = MaterialOwner.application(applicationId);
    return store
        .application(applicationId, false)
        .switchIfEmpty(Mono.error(() -> notFound(owner)))
        .then(store.list(owner).collectList());
  }

  // ---------------------------------------------------------------- content

  /** A material's file, opened. */
  record Content(Material material, byte[] bytes) {}

  Mono<Content> content(MaterialOwner owner, UUID materialId) {
    Mono<Boolean> exists =
        owner.kind() == MaterialOwner.Kind.DRAFT
            ? store.draft(owner.id(), false).hasElement()
            : store.application(owner.id(), false).hasElement();
    return exists
        .flatMap(found -> found ? Mono.just(owner) : Mono.error(notFound(owner)))
        .then(store.content(owner, materialId))
        .switchIfEmpty(Mono.error(() -> materialNotFound(owner, materialId)))
        .map(
            stored ->
                new Content(
                    stored.material(),
                    protector.openBytes(
                        stored.keyId(), stored.cipher(), context(stored.material().id()))));
  }

  // ---------------------------------------------------------------- rules

  private static Mono<Void> draftOpen(MaterialOwner owner, MaterialStore.DraftState draft) {
    if (draft.submittedAs() == null) {
      return Mono.empty();
    }
    return Mono.error(
        ProblemException.statusConflict(
            SUBMITTED,
            SUBMITTED_LABEL,
            owner
                + " was submitted as application "
                + draft.submittedAs()
                + "; its materials now belong to the application and change only while it waits"
                + " for a supplement (待补正)"));
  }

  private static Mono<Void> waitingForSupplement(MaterialStore.ApplicationState state) {
    if (state.status() == ApplicationStatus.NEEDS_SUPPLEMENT) {
      return Mono.empty();
    }
    return Mono.error(
        ProblemException.statusConflict(
            state.status().name(),
            state.status().label(),
            "materials can be added to an application only while it waits for a supplement"
                + " (NEEDS_SUPPLEMENT, 待补正); it is "
                + state.status()));
  }

  private static Mono<Void> removable(MaterialStore.ApplicationState state, Material material) {
    if (state.status() != ApplicationStatus.NEEDS_SUPPLEMENT) {
      return Mono.error(
          ProblemException.statusConflict(
              state.status().name(),
              state.status().label(),
              "a submitted material can no longer be removed; the application is "
                  + state.status()));
    }
    Integer round = material.supplementRound();
    if (round == null || round != state.supplementRounds()) {
      return Mono.error(
          ProblemException.statusConflict(
              state.status().name(),
              state.status().label(),
              "only materials added in the current supplement round (待补正) can be removed;"
                  + " this one was submitted earlier"));
    }
    return Mono.empty();
  }

  private Mono<Void> roomFor(MaterialOwner owner, MaterialStore.Usage usage, long adding) {
    long maxFiles = limits.maxFiles();
    long maxTotal = limits.maxTotalSize().toBytes();
    if (usage.count() >= maxFiles) {
      return Mono.error(
          new ProblemException(
              ProblemType.TOO_MANY_MATERIALS,
              owner + " has " + usage.count() + " materials, the most allowed is " + maxFiles,
              List.of(),
              Map.of("maxFiles", maxFiles)));
    }
    // Before reading (adding 0): refuse only when nothing more fits at all.
    if (adding == 0 ? usage.totalSize() >= maxTotal : usage.totalSize() + adding > maxTotal) {
      return Mono.error(
          new ProblemException(
              ProblemType.MATERIALS_TOO_LARGE,
              owner
                  + " has "
                  + usage.totalSize()
                  + " bytes of materials; with this file it would be over the limit of "
                  + maxTotal
                  + " bytes",
              List.of(),
              Map.of("maxTotalSize", maxTotal, "totalSize", usage.totalSize())));
    }
    return Mono.empty();
  }

  private PersonalDataProtector.Sealed seal(UUID id, Upload upload) {
    return protector.seal(upload.content(), 0, upload.size(), context(id));
  }

  /** Binds a sealed content to its material: it cannot be moved to another row and opened. */
  private static String context(UUID materialId) {
    return "materials.content_cipher:" + materialId;
  }

  private static void logStored(MaterialOwner owner, Material material) {
    log.info(
        "material {} stored for {}: section={} type={} size={}",
        material.id(),
        owner,
        material.section(),
        material.mediaType(),
        material.size());
  }

  private static ProblemException notFound(MaterialOwner owner) {
    return ProblemException.notFound(owner.toString());
  }

  private static ProblemException materialNotFound(MaterialOwner owner, UUID materialId) {
    return ProblemException.notFound("material " + materialId + " of " + owner);
  }
}
