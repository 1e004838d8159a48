package gx.enrollment.gateway.verification;

import gx.enrollment.gateway.idempotency.IdempotencyStore;
import gx.enrollment.gateway.submission.SubmissionRequest;
import gx.enrollment.gateway.web.ProblemException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * One submission under an {@code Idempotency-Key}. The first request to claim the key does the work
 * and stores its answer — a report, or a refusal such as a duplicate application; a retry with the
 * same body gets that answer again without asking any source; a retry while the first is still at
 * work waits for it (up to the deadline and a little more); another body under the key is refused.
 * "The same body" means the same submission: the request as parsed, serialised in a fixed order, so
 * formatting and key order do not matter.
 */
final class IdempotentSubmission {

  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration WAIT_SLACK = Duration.ofSeconds(3);

  private final IdempotencyStore store;
  private final JsonMapper json;
  private final Duration deadline;
  private final Clock clock;

  IdempotentSubmission(IdempotencyStore store, JsonMapper json, Duration deadline, Clock clock) {
    this.store = store;
    this.json = json;
    this.deadline = deadline;
    this.clock = clock;
  }

  Mono<SubmissionService.Answer> run(
      String clientId,
      String key,
      SubmissionRequest form,
      Supplier<Mono<SubmissionService.Answer>> work) {
    byte[] hash = sha256(json.writeValueAsBytes(form));
    return store
        .claim(clientId, key, hash, clock.instant())
        .flatMap(
            claimed -> claimed ? doWork(clientId, key, work) : answerOfFirst(clientId, key, hash));
  }

  private Mono<SubmissionService.Answer> doWork(
      String clientId, String key, Supplier<Mono<SubmissionService.Answer>> work) {
    return work.get()
        .onErrorResume(
            ProblemException.class,
            refusal -> {
              String body = json.writeValueAsString(refusal.toProblemDetail());
              int status = refusal.problemType().status().value();
              return store
                  .complete(clientId, key, status, body, clock.instant())
                  .thenReturn(new SubmissionService.Answer(status, body));
            })
        .onErrorResume(
            error -> !(error instanceof ProblemException),
            error -> store.release(clientId, key).then(Mono.error(error)));
  }

  private Mono<SubmissionService.Answer> answerOfFirst(String clientId, String key, byte[] hash) {
    long polls = deadline.plus(WAIT_SLACK).toMillis() / POLL.toMillis();
    return Mono.defer(() -> store.find(clientId, key))
        .flatMap(
            entry -> {
              if (!entry.sameRequest(hash)) {
                return Mono.error(ProblemException.idempotencyKeyReused());
              }
              return entry.completed()
                  ? Mono.just(
                      new SubmissionService.Answer(entry.responseStatus(), entry.responseBody()))
                  : Mono.empty();
            })
        .repeatWhenEmpty((int) polls, repeats -> repeats.delayElements(POLL))
        .switchIfEmpty(Mono.error(ProblemException::requestInProgress));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
