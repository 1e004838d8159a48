package gx.enrollment.gateway.verification;

import static gx.enrollment.gateway.support.Submissions.with;
import static gx.enrollment.gateway.support.Submissions.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gx.enrollment.gateway.application.ApplicationStore;
import gx.enrollment.gateway.submission.Submission;
import gx.enrollment.gateway.submission.SubmissionValidator;
import gx.enrollment.gateway.support.Families;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.gateway.support.Submissions;
import gx.enrollment.gateway.web.ProblemException;
import gx.enrollment.gateway.web.ProblemType;
import gx.enrollment.mocks.Upstream;
import gx.enrollment.mocks.population.Family;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/**
 * Consent on every query: no path asks a source about an online submission without the guardian's
 * real-name verification and consent; every query carries the consent id and the purpose to the
 * source, and its audit record keeps them with the client, application, source, time and outcome.
 */
class ConsentTests extends StubbedGateway {

  private static final List<Upstream> SOURCES =
      List.of(
          Upstream.HOUSEHOLD,
          Upstream.RESIDENCE_PERMIT,
          Upstream.SOCIAL_SECURITY,
          Upstream.REAL_ESTATE);

  /**
   * The headers of every request the sources received, as {@code X-Consent-Id X-Purpose}: the stubs
   * keep no request journal, so a listener (added once per JVM: WireMock cannot remove one) writes
   * them down.
   */
  private static final Queue<String> SENT = new ConcurrentLinkedQueue<>();

  private static final AtomicBoolean LISTENING = new AtomicBoolean();

  @Autowired VerificationService verifications;
  @Autowired VerificationRecovery recovery;
  @Autowired ApplicationStore applications;
  @Autowired SubmissionValidator validator;

  @Test
  void every_query_carries_the_consent_id_and_purpose_and_is_audited_with_them() {
    clearJournals();
    Family family = stubs.population().family("migrant-owner");
    String id = submitted(family);

    assertThat(sentToSources()).hasSize(4).containsOnly("c-migrant-owner ENROLLMENT");
    assertThat(
            values(
                "select source || ' ' || client_id || ' ' || purpose || ' ' || consent_id || ' '"
                    + " || consent_basis || ' ' || status || ' ' || (queried_at is not null)::text"
                    + " || ' ' || (verification_id like 'v-%')::text || ' ' || request_id"
                    + " from source_query_audit where application_id = '"
                    + id
                    + "' order by source"))
        .hasSize(4)
        .allSatisfy(
            row ->
                assertThat(row)
                    .matches(
                        "[A-Z_]+ test-all ENROLLMENT c-migrant-owner ONLINE_CONSENT OK"
                            + " true true v-.*"));
    assertThat(values("select distinct application_id from source_query_audit"))
        .containsExactly(id);
  }

  @Test
  void an_offline_submission_is_queried_under_the_form_signed_at_the_counter() {
    clearJournals();
    Map<String, Object> body =
        with(
            without(Families.submission(stubs.population().family("local-simple"), "B"), "consent"),
            "channel",
            "OFFLINE");

    String id = post("/api/v1/verifications", body).getResponseBody().get("applicationId").asText();

    assertThat(sentToSources()).containsExactly("OFFLINE-COUNTER ENROLLMENT");
    assertThat(
            value(
                "select consent_id || ' ' || consent_basis || ' ' || purpose from"
                    + " source_query_audit where application_id = '"
                    + id
                    + "'"))
        .isEqualTo("OFFLINE-COUNTER OFFLINE_COUNTER ENROLLMENT");
  }

  @Test
  void a_draft_submitted_without_consent_queries_nothing() {
    Map<String, Object> form =
        without(Families.submission(stubs.population().family("local-owner"), "A"), "consent");
    String draft =
        post("/api/v1/applications/drafts", form).getResponseBody().get("draftId").asText();

    EntityExchangeResult<JsonNode> refused =
        post("/api/v1/applications/drafts/" + draft + "/submission", null);

    assertConsentRequired(refused);
    assertNothingAsked();
    assertThat(value("select count(*) from applications")).isEqualTo("0");
  }

  @Test
  void a_supplement_without_consent_queries_nothing_and_changes_nothing() {
    Family family = stubs.population().family("local-owner");
    String id = submitted(family);
    askForSupplement(id);
    stubs.resetCounters();
    String audited = value("select count(*) from source_query_audit");

    EntityExchangeResult<JsonNode> refused =
        post(
            "/api/v1/applications/" + id + "/supplement",
            with(Families.submission(family, "A"), "consent.realNameVerified", false));

    assertConsentRequired(refused);
    assertNothingAsked();
    assertThat(value("select count(*) from source_query_audit")).isEqualTo(audited);
    assertThat(value("select status from applications where id = '" + id + "'"))
        .isEqualTo("NEEDS_SUPPLEMENT");
  }

  @Test
  void recovery_does_not_verify_a_stored_online_submission_without_consent() {
    Map<String, Object> body =
        without(Families.submission(stubs.population().family("local-simple"), "B"), "consent");
    UUID id = UUID.randomUUID();
    applications
        .insertReceived(
            id,
            valid(body),
            Submissions.toRequest(body),
            "test",
            Instant.now(),
            Instant.now().minusSeconds(1))
        .then(applications.recordReceived(id, Instant.now()))
        .block(Duration.ofSeconds(10));

    Integer recovered = recovery.recoverOnce().block(Duration.ofSeconds(30));

    assertThat(recovered).isZero();
    assertNothingAsked();
    assertThat(value("select status from applications where id = '" + id + "'"))
        .isEqualTo("RECEIVED");
    assertThat(value("select count(*) from source_query_audit")).isEqualTo("0");
  }

  @Test
  void the_verification_itself_refuses_to_ask_without_consent_whoever_calls_it() {
    Submission withoutConsent =
        valid(
            without(
                Families.submission(stubs.population().family("migrant-owner"), "A"), "consent"));
    Submission notVerified =
        valid(
            with(
                Families.submission(stubs.population().family("migrant-owner"), "A"),
                "consent.realNameVerified",
                false));

    for (Submission submission : List.of(withoutConsent, notVerified)) {
      assertThatThrownBy(() -> verifications.verify(submission).block(Duration.ofSeconds(10)))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.problemType()).isEqualTo(ProblemType.CONSENT_REQUIRED));
    }
    assertNothingAsked();
  }

  private void assertConsentRequired(EntityExchangeResult<JsonNode> answer) {
    assertThat(answer.getStatus().value()).isEqualTo(403);
    assertThat(answer.getResponseBody().get("type").asText()).endsWith("/consent-required");
  }

  private void assertNothingAsked() {
    for (Upstream source : SOURCES) {
      assertThat(stubs.requestCount(source)).as("%s asked", source).isZero();
    }
  }

  private void clearJournals() {
    if (LISTENING.compareAndSet(false, true)) {
      SOURCES.forEach(
          source ->
              stubs
                  .server(source)
                  .addMockServiceRequestListener(
                      (request, response) ->
                          SENT.add(
                              request.getHeader("X-Consent-Id")
                                  + " "
                                  + request.getHeader("X-Purpose"))));
    }
    SENT.clear();
  }

  private List<String> sentToSources() {
    return new ArrayList<>(SENT);
  }

  private Submission valid(Map<String, Object> body) {
    return ((SubmissionValidator.Outcome.Valid) validator.validate(Submissions.toRequest(body)))
        .submission();
  }

  private void askForSupplement(String id) {
    EntityExchangeResult<JsonNode> asked =
        post(
            "/api/v1/review/decisions",
            Map.of(
                "decisionId",
                "s-" + id,
                "applicationId",
                id,
                "decision",
                "REQUEST_SUPPLEMENT",
                "reviewer",
                "r-9",
                "reason",
                "房产证号与登记不符",
                "supplements",
                List.of("不动产权证书照片")));
    assertThat(asked.getResponseBody().get("outcome").asText()).isEqualTo("APPLIED");
  }

  private EntityExchangeResult<JsonNode> post(String uri, @Nullable Object body) {
    var request = client.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
    return (body == null ? request : request.bodyValue(body))
        .exchange()
        .expectBody(JsonNode.class)
        .returnResult();
  }
}
