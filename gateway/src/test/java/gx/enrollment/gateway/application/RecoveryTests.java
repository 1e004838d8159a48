package gx.enrollment.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.gateway.submission.Submission;
import gx.enrollment.gateway.submission.SubmissionRequest;
import gx.enrollment.gateway.submission.SubmissionValidator;
import gx.enrollment.gateway.support.Families;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.gateway.support.Submissions;
import gx.enrollment.gateway.verification.VerificationRecovery;
import gx.enrollment.mocks.FaultScenario;
import gx.enrollment.mocks.Upstream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Work a request could not finish is finished later: a submission whose verifier died, and a report
 * whose source was unavailable.
 */
class RecoveryTests extends StubbedGateway {

  @Autowired ApplicationStore applications;
  @Autowired SubmissionValidator validator;
  @Autowired VerificationRecovery recovery;
  @Autowired SourceConnectors connectors;
  @Autowired JsonMapper json;

  @Test
  void finishes_a_submission_whose_verifier_died_and_answers_its_retry() {
    Map<String, Object> body = Families.submission(stubs.population().family("local-owner"), "A");
    UUID id = acceptedThenCrashed(body, "crash-key");

    Integer recovered = recovery.recoverOnce().block(Duration.ofSeconds(30));

    assertThat(recovered).isEqualTo(1);
    assertThat(value("select status from applications where id = '" + id + "'"))
        .isEqualTo("PENDING_ACCEPTANCE");
    assertThat(
            value("select outcome from verification_reports where application_id = '" + id + "'"))
        .isEqualTo("VERIFIED");
    JsonNode retry = post(body, "crash-key");
    assertThat(retry.get("applicationId").asText()).isEqualTo(id.toString());
    assertThat(retry.get("outcome").asText()).isEqualTo("VERIFIED");
  }

  @Test
  void leaves_a_submission_alone_while_its_verifier_holds_the_lease() {
    Map<String, Object> body = Families.submission(stubs.population().family("local-simple"), "B");
    Submission submission = valid(body);
    UUID id = UUID.randomUUID();
    applications
        .insertReceived(
            id,
            submission,
            Submissions.toRequest(body),
            "test",
            Instant.now(),
            Instant.now().plusSeconds(60))
        .then(applications.recordReceived(id, Instant.now()))
        .block(Duration.ofSeconds(10));

    assertThat(recovery.recoverOnce().block(Duration.ofSeconds(30))).isZero();
  }

  @Test
  void asks_an_unavailable_source_again_once_it_is_back_and_publishes_the_new_report() {
    stubs.fault(Upstream.REAL_ESTATE, FaultScenario.serviceUnavailable());
    JsonNode first =
        post(Families.submission(stubs.population().family("migrant-owner"), "A"), null);
    assertThat(first.get("outcome").asText()).isEqualTo("NEEDS_REVIEW");
    stubs.clearFaults();
    stubs.resetCounters();

    Integer rechecked = recovery.recheckOnce().block(Duration.ofSeconds(30));

    String id = first.get("applicationId").asText();
    assertThat(rechecked).isEqualTo(1);
    // Only the source that could not answer is asked again; the others' confirmations stand.
    assertThat(stubs.requestCount(Upstream.REAL_ESTATE)).isEqualTo(1);
    assertThat(stubs.requestCount(Upstream.HOUSEHOLD)).isZero();
    assertThat(stubs.requestCount(Upstream.RESIDENCE_PERMIT)).isZero();
    assertThat(stubs.requestCount(Upstream.SOCIAL_SECURITY)).isZero();
    assertThat(
            values(
                "select outcome from verification_reports where application_id = '"
                    + id
                    + "' order by completed_at"))
        .containsExactly("NEEDS_REVIEW", "VERIFIED");
    assertThat(
            values(
                "select topic from outbox where event_key = '"
                    + id
                    + "' and topic = 'enrollment.verification.completed'"))
        .hasSize(2);
    assertThat(value("select status from applications where id = '" + id + "'"))
        .isEqualTo("PENDING_ACCEPTANCE");
    assertThat(recovery.recheckOnce().block(Duration.ofSeconds(30))).isZero();
  }

  @Test
  void waits_while_the_sources_breaker_is_open() {
    stubs.fault(Upstream.REAL_ESTATE, FaultScenario.serviceUnavailable());
    post(Families.submission(stubs.population().family("migrant-owner"), "A"), null);
    stubs.clearFaults();
    connectors.circuitBreaker(Source.REAL_ESTATE).transitionToOpenState();
    try {
      assertThat(recovery.recheckOnce().block(Duration.ofSeconds(30))).isZero();
    } finally {
      connectors.circuitBreaker(Source.REAL_ESTATE).transitionToClosedState();
    }

    assertThat(recovery.recheckOnce().block(Duration.ofSeconds(30))).isEqualTo(1);
  }

  /** What the database holds when a process died after accepting and before verifying. */
  private UUID acceptedThenCrashed(Map<String, Object> body, String idempotencyKey) {
    UUID id = UUID.randomUUID();
    SubmissionRequest form = Submissions.toRequest(body);
    applications
        .insertReceived(
            id, valid(body), form, "test-all", Instant.now(), Instant.now().minusSeconds(1))
        .then(applications.recordReceived(id, Instant.now()))
        .block(Duration.ofSeconds(10));
    db.sql(
            "insert into idempotency_keys (client_id, idempotency_key, request_hash, state,"
                + " application_id, created_at) values ('test-all', :key, :hash,"
                + " 'IN_PROGRESS', :id, now())")
        .bind("key", idempotencyKey)
        .bind("hash", java.nio.ByteBuffer.wrap(sha256(form)))
        .bind("id", id)
        .then()
        .block(Duration.ofSeconds(10));
    return id;
  }

  /** The request hash as the gateway computes it: SHA-256 of the form in its own JSON. */
  private byte[] sha256(SubmissionRequest form) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256")
          .digest(json.writeValueAsBytes(form));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Submission valid(Map<String, Object> body) {
    return ((SubmissionValidator.Outcome.Valid) validator.validate(Submissions.toRequest(body)))
        .submission();
  }

  private JsonNode post(Map<String, Object> body, String key) {
    return client
        .post()
        .uri("/api/v1/verifications")
        .contentType(MediaType.APPLICATION_JSON)
        .headers(
            h -> {
              if (key != null) {
                h.add("Idempotency-Key", key);
              }
            })
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }
}
