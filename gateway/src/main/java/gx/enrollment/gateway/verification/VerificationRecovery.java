package gx.enrollment.gateway.verification;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.gateway.application.ApplicationStore;
import gx.enrollment.gateway.submission.Submission;
import gx.enrollment.gateway.submission.SubmissionValidator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Work a request could not finish, done in the background by every gateway instance:
 *
 * <ul>
 *   <li><b>recovery</b> — a submission stored as {@code RECEIVED} whose verifier died (its lease
 *       ran out) is verified and its report stored, which also completes its idempotency key;
 *   <li><b>re-check</b> — a report that could not ask a source is made again once that source's
 *       circuit breaker is closed, and the new report is stored and published.
 * </ul>
 *
 * Applications are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, so instances never work
 * on the same one at once.
 */
public final class VerificationRecovery implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(VerificationRecovery.class);

  private final ApplicationStore applications;
  private final SubmissionValidator validator;
  private final VerificationService verifications;
  private final SubmissionService submissions;
  private final SourceConnectors connectors;
  private final VerificationProperties.Recovery settings;
  private final Duration lease;
  private final Clock clock;
  private volatile Disposable running;

  public VerificationRecovery(
      ApplicationStore applications,
      SubmissionValidator validator,
      VerificationService verifications,
      SubmissionService submissions,
      SourceConnectors connectors,
      VerificationProperties properties,
      Clock clock) {
    this.applications = applications;
    this.validator = validator;
    this.verifications = verifications;
    this.submissions = submissions;
    this.connectors = connectors;
    this.settings = properties.recovery();
    this.lease = properties.deadline().multipliedBy(3).plusSeconds(10);
    this.clock = clock;
  }

  /** Verifies the submissions whose verifier died; emits how many were finished. */
  public Mono<Integer> recoverOnce() {
    return applications
        .claimUnverified(clock.instant(), lease, settings.batchSize(), settings.maxAttempts())
        .concatMap(id -> verifyAgain(id, true))
        .reduce(0, (count, done) -> done ? count + 1 : count);
  }

  /** Re-verifies reports that could not ask a source now closed again; emits how many. */
  public Mono<Integer> recheckOnce() {
    String[] closed =
        Arrays.stream(Source.values())
            .filter(s -> connectors.circuitBreaker(s).getState() == CircuitBreaker.State.CLOSED)
            .map(Source::name)
            .toArray(String[]::new);
    if (closed.length == 0) {
      return Mono.just(0);
    }
    return applications
        .claimForRecheck(
            clock.instant(),
            settings.recheckAfter(),
            lease,
            closed,
            settings.batchSize(),
            settings.maxAttempts())
        .concatMap(id -> verifyAgain(id, false))
        .reduce(0, (count, done) -> done ? count + 1 : count);
  }

  private Mono<Boolean> verifyAgain(UUID id, boolean firstReport) {
    return applications
        .loadForm(id)
        .flatMap(
            stored -> {
              if (!(validator.validate(stored.form())
                  instanceof SubmissionValidator.Outcome.Valid valid)) {
                log.warn("application {} no longer passes validation; left for review", id);
                return Mono.just(false);
              }
              Submission submission = valid.submission();
              // A re-check asks again only what its last report could not confirm.
              Mono<Optional<VerificationService.Prior>> prior =
                  firstReport
                      ? Mono.just(Optional.empty())
                      : submissions.prior(id).map(Optional::of).defaultIfEmpty(Optional.empty());
              return prior
                  .flatMap(earlier -> verifications.verify(submission, earlier.orElse(null)))
                  .flatMap(
                      report ->
                          firstReport
                              ? submissions.finish(stored.application(), submission, report)
                              : submissions.recheck(stored.application(), submission, report))
                  .thenReturn(true);
            })
        .onErrorResume(
            error -> {
              log.warn("could not verify application {} again: {}", id, error.toString());
              return Mono.just(false);
            });
  }

  @Override
  public void start() {
    if (!settings.enabled()) {
      return;
    }
    running =
        Flux.interval(settings.interval())
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    recoverOnce()
                        .zipWith(recheckOnce())
                        .doOnNext(
                            done -> {
                              if (done.getT1() + done.getT2() > 0) {
                                log.info(
                                    "recovered {} and re-checked {} verifications",
                                    done.getT1(),
                                    done.getT2());
                              }
                            })
                        .onErrorResume(
                            error -> {
                              log.warn("recovery pass failed: {}", error.toString());
                              return Mono.empty();
                            }),
                1)
            .subscribe();
  }

  @Override
  public void stop() {
    Disposable current = running;
    if (current != null) {
      current.dispose();
    }
    running = null;
  }

  @Override
  public boolean isRunning() {
    return running != null && !running.isDisposed();
  }
}
