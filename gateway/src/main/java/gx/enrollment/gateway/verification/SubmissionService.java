package gx.enrollment.gateway.verification;

import gx.enrollment.gateway.application.ApplicationStatus;
import gx.enrollment.gateway.application.ApplicationStore;
import gx.enrollment.gateway.application.StoredApplication;
import gx.enrollment.gateway.idempotency.IdempotencyStore;
import gx.enrollment.gateway.ids.TimeOrderedIds;
import gx.enrollment.gateway.submission.Submission;
import gx.enrollment.gateway.submission.SubmissionRequest;
import gx.enrollment.gateway.submission.SubmissionValidator;
import gx.enrollment.gateway.web.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A submission from acceptance to its stored report, so that a {@code 2xx} means committed:
 *
 * <ol>
 *   <li>one transaction stores the application ({@code RECEIVED}, leased to this request), its
 *       consent, the first history line and its event — or the database refuses a second active
 *       application of the child;
 *   <li>the sources are asked (no transaction is open meanwhile);
 *   <li>one transaction stores the report, the source results and the audit of every query, moves
 *       the application to {@code PENDING_ACCEPTANCE} and writes both events and the answer under
 *       the idempotency key.
 * </ol>
 *
 * If the process dies between 1 and 3, {@link VerificationRecovery} finishes the work after the
 * lease runs out.
 */
public final class SubmissionService {

  /** How long after the deadline an unfinished submission is left to its own request. */
  private static final Duration LEASE_SLACK = Duration.ofSeconds(10);

  private final ApplicationStore applications;
  private final VerificationService verifications;
  private final VerificationRecords records;
  private final SubmissionValidator validator;
  private final SubmissionEvents events;
  private final IdempotencyStore idempotency;
  private final TransactionalOperator transactions;
  private final JsonMapper json;
  private final VerificationProperties properties;
  private final Clock clock;

  public SubmissionService(
      ApplicationStore applications,
      VerificationService verifications,
      VerificationRecords records,
      SubmissionValidator validator,
      SubmissionEvents events,
      IdempotencyStore idempotency,
      TransactionalOperator transactions,
      JsonMapper json,
      VerificationProperties properties,
      Clock clock) {
    this.applications = applications;
    this.verifications = verifications;
    this.records = records;
    this.validator = validator;
    this.events = events;
    this.idempotency = idempotency;
    this.transactions = transactions;
    this.json = json;
    this.properties = properties;
    this.clock = clock;
  }

  /** An HTTP answer, kept as it was sent so that a retry gets it again byte for byte. */
  public record Answer(int status, String body) {}

  /**
   * Accepts, verifies and stores a valid submission; refuses a second active application of the
   * child with {@link ProblemException} ({@code 409}).
   *
   * @param idempotencyKey the caller's {@code Idempotency-Key}, if any
   */
  public Mono<Answer> submit(
      SubmissionRequest form,
      Submission submission,
      String clientId,
      @Nullable String idempotencyKey) {
    if (idempotencyKey == null) {
      return process(form, submission, clientId, null);
    }
    return new IdempotentSubmission(idempotency, json, properties.deadline(), clock)
        .run(
            clientId,
            idempotencyKey,
            form,
            () -> process(form, submission, clientId, idempotencyKey));
  }

  private Mono<Answer> process(
      SubmissionRequest form,
      Submission submission,
      String clientId,
      @Nullable String idempotencyKey) {
    return Mono.defer(
        () -> {
          Instant now = clock.instant();
          UUID id = TimeOrderedIds.next();
          Instant leaseUntil = now.plus(properties.deadline()).plus(LEASE_SLACK);
          Mono<StoredApplication> accept =
              applications
                  .insertReceived(id, submission, form, clientId, now, leaseUntil)
                  .flatMap(
                      stored ->
                          events
                              .statusChanged(
                                  stored, null, ApplicationStatus.RECEIVED, "SYSTEM", now)
                              .then(
                                  idempotencyKey == null
                                      ? Mono.empty()
                                      : idempotency.attach(clientId, idempotencyKey, stored.id()))
                              // last: it takes the audit chain's head (see finish)
                              .then(applications.recordReceived(stored.id(), now))
                              .thenReturn(stored))
                  .as(transactions::transactional)
                  .onErrorResume(
                      ApplicationStore.ChildAlreadyApplied.class, e -> refuseDuplicate(submission));
          return accept.flatMap(
              stored ->
                  verifications
                      .verify(submission)
                      .flatMap(report -> finish(stored, submission, report)));
        });
  }

  /**
   * Stores a report of a {@code RECEIVED} application and moves it on; used by the request that
   * accepted it and by recovery alike.
   */
  Mono<Answer> finish(StoredApplication stored, Submission submission, VerificationReport report) {
    return Mono.defer(
        () -> {
          Instant now = clock.instant();
          VerificationAnswer answer =
              VerificationAnswer.of(stored, ApplicationStatus.PENDING_ACCEPTANCE, report);
          String body = json.writeValueAsString(answer);
          // Nine round trips for form A, whatever the number of sources. The statements that take
          // a lock come last: the status change locks the application's row and then the audit
          // chain's head (its history row), the audit rows follow, then the commit — the chain's
          // head, which every status change and source query of every application waits for, is
          // held for two statements. A second finisher of the same application (recovery) fails
          // at the status change, and everything it wrote is rolled back.
          return records
              .saveReport(stored.id(), report)
              .then(events.verificationCompleted(stored, report))
              .then(
                  events.statusChanged(
                      stored,
                      ApplicationStatus.RECEIVED,
                      ApplicationStatus.PENDING_ACCEPTANCE,
                      "SYSTEM",
                      now))
              .then(idempotency.completeFor(stored.id(), 200, body, now))
              .then(
                  applications.changeStatus(
                      stored.id(),
                      ApplicationStatus.RECEIVED,
                      ApplicationStatus.PENDING_ACCEPTANCE,
                      "SYSTEM",
                      "verified: " + report.outcome(),
                      now))
              .then(records.audit(stored.id(), stored.clientId(), submission, report))
              .as(transactions::transactional)
              .thenReturn(new Answer(200, body));
        });
  }

  /**
   * Stores a later report of an application still waiting for acceptance (a source that was
   * unavailable has been asked again) and publishes it; the status does not change.
   */
  Mono<Void> recheck(StoredApplication stored, Submission submission, VerificationReport report) {
    return Mono.defer(
        () ->
            applications
                .releaseAfterRecheck(stored.id(), clock.instant())
                .then(records.saveReport(stored.id(), report))
                .then(events.verificationCompleted(stored, report))
                .then(records.audit(stored.id(), stored.clientId(), submission, report))
                .as(transactions::transactional));
  }

  /**
   * 补齐补正: the parent's corrected form of an application waiting for a supplement is stored,
   * verified again, and the application goes back to {@code PENDING_ACCEPTANCE}; refused with
   * {@code 409} when the application is not waiting for a supplement, and with {@code 400} when the
   * correction names another child or school year (that is another application).
   */
  public Mono<Answer> supplement(
      StoredApplication stored, SubmissionRequest form, Submission submission) {
    return prior(stored.id())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(prior -> verifications.verify(submission, prior.orElse(null)))
        .flatMap(
            report -> {
              Instant now = clock.instant();
              VerificationAnswer answer =
                  VerificationAnswer.of(stored, ApplicationStatus.PENDING_ACCEPTANCE, report);
              String body = json.writeValueAsString(answer);
              return applications
                  .replaceForm(stored.id(), submission, form, now)
                  .flatMap(
                      replaced ->
                          replaced
                              ? Mono.<Void>empty()
                              : Mono.error(
                                  ProblemException.invalidSubmission(
                                      java.util.List.of(
                                          new gx.enrollment.gateway.submission.FieldError(
                                              "student.idNumber",
                                              "NOT_THE_SAME_CHILD",
                                              "a supplement corrects this application: the child"
                                                  + " and the school year cannot change, or the"
                                                  + " application is no longer waiting for a"
                                                  + " supplement")))))
                  .then(records.saveReport(stored.id(), report))
                  .then(events.verificationCompleted(stored, report))
                  .then(
                      events.statusChanged(
                          stored,
                          ApplicationStatus.NEEDS_SUPPLEMENT,
                          ApplicationStatus.PENDING_ACCEPTANCE,
                          "PARENT",
                          now))
                  // the statements that take the audit chain's head last (see finish)
                  .then(
                      applications.changeStatus(
                          stored.id(),
                          ApplicationStatus.NEEDS_SUPPLEMENT,
                          ApplicationStatus.PENDING_ACCEPTANCE,
                          "PARENT",
                          "supplemented; verified: " + report.outcome(),
                          now))
                  .then(records.audit(stored.id(), stored.clientId(), submission, report))
                  .as(transactions::transactional)
                  .thenReturn(new Answer(200, body));
            });
  }

  /**
   * What the application's latest verification asked and was answered; empty when it has none or
   * its stored form no longer passes validation (then every source is asked).
   */
  Mono<VerificationService.Prior> prior(UUID applicationId) {
    return records
        .latest(applicationId)
        .zipWith(applications.loadForm(applicationId))
        .flatMap(
            reportAndForm ->
                validator.validate(reportAndForm.getT2().form())
                        instanceof SubmissionValidator.Outcome.Valid valid
                    ? Mono.just(verifications.prior(valid.submission(), reportAndForm.getT1()))
                    : Mono.empty());
  }

  private Mono<StoredApplication> refuseDuplicate(Submission submission) {
    return applications
        .findActive(submission.schoolYear(), applications.childHash(submission))
        .map(
            existing ->
                ProblemException.duplicateApplication(existing.reference(), existing.channel()))
        // The other application may have been withdrawn meanwhile: the caller may simply retry.
        .defaultIfEmpty(ProblemException.duplicateApplication(null, null))
        .flatMap(Mono::error);
  }
}
