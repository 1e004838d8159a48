package gx.enrollment.gateway.verification;

import static gx.enrollment.gateway.support.Submissions.formA;
import static gx.enrollment.gateway.support.Submissions.map;
import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.Families;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.mocks.FaultScenario;
import gx.enrollment.mocks.Upstream;
import gx.enrollment.mocks.population.Family;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

/**
 * The verification endpoint end to end: the application with its real configuration, the four
 * connectors over HTTP, and the WireMock government stubs on the synthetic population.
 */
@ExtendWith(OutputCaptureExtension.class)
class VerificationEndpointTests extends StubbedGateway {

  @Test
  void verifies_a_form_a_migrant_owner_against_all_four_sources() {
    Map<String, Object> report = verify(submissionFor("migrant-owner", "A"));

    assertThat(report.get("outcome")).isEqualTo("VERIFIED");
    assertThat(statuses(report)).containsExactly("OK", "OK", "OK", "OK");
    assertThat(report.get("verificationId").toString()).startsWith("v-");
    assertThat(report.get("completedAt").toString()).endsWith("+08:00");
    assertThat(checksOf(report, "HOUSEHOLD"))
        .containsExactly(
            map("fact", "CHILD_IDENTITY", "result", "MATCH"),
            map("fact", "GUARDIAN_IDENTITY", "result", "MATCH"),
            map("fact", "GUARDIANSHIP", "result", "MATCH"));
    assertThat(report.get("findings"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .isEmpty();
  }

  @Test
  void logs_no_whole_id_number_or_phone_while_verifying(CapturedOutput output) {
    Family family = stubs.population().family("migrant-owner");
    stubs.fault(Upstream.REAL_ESTATE, FaultScenario.serviceUnavailable());

    verify(submissionFor("migrant-owner", "A"));
    client
        .post()
        .uri("/api/v1/verifications")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(submissionFor("migrant-owner", "A"))
        .exchange()
        .expectStatus()
        .isEqualTo(409);

    assertThat(output.getAll())
        .contains("AUDIT")
        .contains(family.child().idNumber().substring(0, 4) + "**********")
        .doesNotContain(family.child().idNumber())
        .doesNotContain(family.guardian().idNumber())
        .doesNotContain(family.phone());
  }

  @Test
  void verifies_the_example_submission_of_the_api_as_it_stands() {
    Map<String, Object> report = verify(formA());

    assertThat(report.get("outcome")).isEqualTo("VERIFIED");
    assertThat(statuses(report)).containsExactly("OK", "OK", "OK", "OK");
  }

  @Test
  void a_source_answering_garbage_is_unavailable_never_a_match() {
    stubs.fault(Upstream.RESIDENCE_PERMIT, FaultScenario.undocumentedStatus());
    stubs.fault(Upstream.SOCIAL_SECURITY, FaultScenario.malformedBody());

    Map<String, Object> report = verify(submissionFor("migrant-renter", "A"));

    assertThat(report.get("outcome")).isEqualTo("NEEDS_REVIEW");
    assertThat(source(report, "RESIDENCE_PERMIT")).containsEntry("reason", "BAD_RESPONSE");
    assertThat(source(report, "SOCIAL_SECURITY")).containsEntry("reason", "BAD_RESPONSE");
  }

  @Test
  void a_source_asking_to_come_back_after_the_deadline_is_rejected_at_once() {
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.tooManyRequests(30));

    Map<String, Object> report = verify(submissionFor("local-simple", "B"));

    assertThat(report.get("outcome")).isEqualTo("NEEDS_REVIEW");
    assertThat(source(report, "HOUSEHOLD"))
        .containsEntry("status", "UNAVAILABLE")
        .containsEntry("reason", "REJECTED")
        .containsEntry("attempts", 1);
  }

  @Test
  void verifies_a_form_b_submission_against_the_household_register_only() {
    Map<String, Object> report = verify(submissionFor("local-simple", "B"));

    assertThat(report.get("outcome")).isEqualTo("VERIFIED");
    assertThat(statuses(report)).containsExactly("OK", "SKIPPED", "SKIPPED", "SKIPPED");
    assertThat(stubs.requestCount(Upstream.HOUSEHOLD)).isEqualTo(1);
    assertThat(stubs.requestCount(Upstream.RESIDENCE_PERMIT)).isZero();
    assertThat(stubs.requestCount(Upstream.SOCIAL_SECURITY)).isZero();
    assertThat(stubs.requestCount(Upstream.REAL_ESTATE)).isZero();
  }

  @Test
  void a_source_that_is_down_makes_the_report_need_review_not_fail() {
    stubs.fault(Upstream.REAL_ESTATE, FaultScenario.serviceUnavailable());

    Map<String, Object> report = verify(submissionFor("migrant-owner", "A"));

    assertThat(report.get("outcome")).isEqualTo("NEEDS_REVIEW");
    assertThat(statuses(report)).containsExactly("OK", "OK", "OK", "UNAVAILABLE");
    assertThat(source(report, "REAL_ESTATE"))
        .containsEntry("reason", "UPSTREAM_ERROR")
        .containsEntry("checks", List.of());
    assertThat(findings(report))
        .extracting(f -> f.get("code"), f -> f.get("source"))
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("SOURCE_UNAVAILABLE", "REAL_ESTATE"));
  }

  @Test
  void a_contradicted_fact_makes_the_report_inconsistent() {
    Map<String, Object> report = verify(submissionFor("permit-expired", "A"));

    assertThat(report.get("outcome")).isEqualTo("INCONSISTENT");
    assertThat(checksOf(report, "RESIDENCE_PERMIT"))
        .extracting(c -> c.get("result"))
        .containsExactly("EXPIRED");
    assertThat(findings(report))
        .extracting(f -> f.get("code"))
        .contains("RESIDENCE_PERMIT_EXPIRED");
  }

  @Test
  void a_child_registered_under_another_name_is_inconsistent() {
    Map<String, Object> report = verify(submissionFor("child-name-mismatch", null));

    assertThat(report.get("outcome")).isEqualTo("INCONSISTENT");
    assertThat(checksOf(report, "HOUSEHOLD"))
        .contains(map("fact", "CHILD_IDENTITY", "result", "NAME_MISMATCH"));
  }

  @Test
  void a_hanging_source_is_reported_as_timeout_within_the_deadline() {
    stubs.fault(Upstream.SOCIAL_SECURITY, FaultScenario.hang());

    Map<String, Object> report =
        client
            .mutate()
            .responseTimeout(DEADLINE.plusSeconds(2))
            .build()
            .post()
            .uri("/api/v1/verifications")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(submissionFor("migrant-owner", "A"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(MAP)
            .returnResult()
            .getResponseBody();

    assertThat(report.get("outcome")).isEqualTo("NEEDS_REVIEW");
    assertThat(source(report, "SOCIAL_SECURITY")).containsEntry("reason", "TIMEOUT");
    assertThat(((Number) source(report, "SOCIAL_SECURITY").get("latencyMs")).longValue())
        .isLessThanOrEqualTo(DEADLINE.plusMillis(500).toMillis());
    assertThat(statuses(report)).containsExactly("OK", "OK", "UNAVAILABLE", "OK");
  }

  @Test
  void queries_the_four_sources_concurrently() {
    for (Upstream upstream :
        List.of(
            Upstream.HOUSEHOLD,
            Upstream.RESIDENCE_PERMIT,
            Upstream.SOCIAL_SECURITY,
            Upstream.REAL_ESTATE)) {
      stubs.fault(upstream, FaultScenario.latency(Duration.ofMillis(400)));
    }

    Map<String, Object> report = verify(submissionFor("migrant-owner", "A"));

    assertThat(report.get("outcome")).isEqualTo("VERIFIED");
    assertThat(stubs.peakConcurrentRequests()).isEqualTo(4);
  }

  @Test
  void sends_the_sources_the_submission_and_nothing_else() {
    verify(submissionFor("migrant-renter", "A"));

    assertThat(stubs.requestCount(Upstream.HOUSEHOLD)).isEqualTo(1);
    assertThat(stubs.requestCount(Upstream.RESIDENCE_PERMIT)).isEqualTo(1);
    assertThat(stubs.requestCount(Upstream.SOCIAL_SECURITY)).isEqualTo(1);
    assertThat(stubs.requestCount(Upstream.REAL_ESTATE)).isZero();
  }

  private Map<String, Object> verify(Map<String, Object> body) {
    return client
        .post()
        .uri("/api/v1/verifications")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody(MAP)
        .returnResult()
        .getResponseBody();
  }

  /** A submission of a synthetic family, in the form its situation calls for. */
  Map<String, Object> submissionFor(String key, String form) {
    Family family = stubs.population().family(key);
    return Families.submission(family, form);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> sources(Map<String, Object> report) {
    return (List<Map<String, Object>>) report.get("sources");
  }

  private static List<Object> statuses(Map<String, Object> report) {
    return sources(report).stream().map(s -> s.get("status")).toList();
  }

  private static Map<String, Object> source(Map<String, Object> report, String name) {
    return sources(report).stream()
        .filter(s -> name.equals(s.get("source")))
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> checksOf(Map<String, Object> report, String name) {
    return ((List<Map<String, Object>>) source(report, name).get("checks"))
        .stream().map(c -> map("fact", c.get("fact"), "result", c.get("result"))).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> findings(Map<String, Object> report) {
    return (List<Map<String, Object>>) report.get("findings");
  }
}
