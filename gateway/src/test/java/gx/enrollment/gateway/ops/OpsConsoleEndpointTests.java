package gx.enrollment.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.mocks.FaultScenario;
import gx.enrollment.mocks.Upstream;
import gx.enrollment.mocks.population.Family;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/ops/console} over real PostgreSQL, after real verifications. */
class OpsConsoleEndpointTests extends StubbedGateway {

  @Autowired SourceConnectors connectors;

  @Test
  void shows_every_source_with_its_breaker_and_the_last_verifications_masked() {
    Family family = stubs.population().family("migrant-owner");
    stubs.fault(Upstream.REAL_ESTATE, FaultScenario.serviceUnavailable());
    String applicationId = submitted(family);
    String reference =
        value("select reference from applications where id = '" + applicationId + "'");

    JsonNode view = console();

    assertThat(view.get("windowMinutes").asInt()).isEqualTo(15);
    assertThat(view.get("sources").valueStream().map(card -> card.get("source").asText()))
        .containsExactly("HOUSEHOLD", "RESIDENCE_PERMIT", "SOCIAL_SECURITY", "REAL_ESTATE");
    JsonNode realEstate = view.get("sources").get(3);
    assertThat(realEstate.get("label").asText()).isEqualTo("不动产登记");
    assertThat(realEstate.at("/breaker/state").asText()).isEqualTo("CLOSED");
    assertThat(realEstate.at("/breaker/minimumNumberOfCalls").asInt()).isEqualTo(1000);
    // Too few calls for a rate: Resilience4j's -1 is not passed on as a rate.
    assertThat(realEstate.at("/breaker/failureRate").isMissingNode()).isTrue();
    assertThat(realEstate.at("/breaker/failedCalls").asInt())
        .isEqualTo(
            connectors.circuitBreaker(Source.REAL_ESTATE).getMetrics().getNumberOfFailedCalls());
    // UPSTREAM_ERROR, or TIMEOUT when the retries of the 503 outlast the deadline on a busy
    // machine.
    String reason = value("select reason from source_query_audit where source = 'REAL_ESTATE'");
    assertThat(reason).isIn("UPSTREAM_ERROR", "TIMEOUT");
    assertThat(realEstate.get("reasons").propertyNames()).containsExactly(reason);
    assertThat(realEstate.get("reasons").get(reason).asLong()).isEqualTo(1);
    assertThat(realEstate.get("calls").asLong()).isEqualTo(1);
    JsonNode household = view.get("sources").get(0);
    assertThat(household.get("reasons").isEmpty()).isTrue();
    assertThat(household.get("latency")).hasSize(1);
    assertThat(household.at("/latency/0/calls").asLong()).isEqualTo(1);

    assertThat(view.get("recent")).hasSize(1);
    JsonNode recent = view.at("/recent/0");
    assertThat(recent.get("reference").asText()).isEqualTo(reference);
    assertThat(recent.get("regionCode").asText()).isEqualTo(family.regionCode());
    assertThat(recent.get("outcome").asText()).isEqualTo("NEEDS_REVIEW");
    assertThat(recent.get("sources").valueStream().map(s -> s.get("source").asText()))
        .containsExactly("HOUSEHOLD", "RESIDENCE_PERMIT", "SOCIAL_SECURITY", "REAL_ESTATE");
    assertThat(recent.at("/sources/3/status").asText()).isEqualTo("UNAVAILABLE");
    assertThat(recent.at("/sources/3/reason").asText()).isEqualTo(reason);
    assertThat(recent.at("/sources/0/reason").isMissingNode()).isTrue();

    String whole = view.toString();
    assertThat(whole)
        .doesNotContain(family.child().idNumber())
        .doesNotContain(family.guardian().idNumber())
        .doesNotContain(family.phone())
        .doesNotContain(family.guardian().name())
        .doesNotContain(family.declaredChildName());
  }

  @Test
  void computes_latency_percentiles_per_minute_and_failure_reasons_over_the_window() {
    String application = submitted(stubs.population().family("local-simple")); // household only
    String minute = "date_trunc('minute', now())";
    // Social security was not asked by that form-B submission: every row of it is ours.
    for (int latency = 10; latency <= 100; latency += 10) {
      audit(
          application,
          minute + " - interval '2 minutes' + interval '5 seconds'",
          "OK",
          null,
          latency);
    }
    audit(
        application,
        minute + " - interval '2 minutes' + interval '7 seconds'",
        "UNAVAILABLE",
        "CIRCUIT_OPEN",
        0);
    audit(application, minute + " - interval '3 minutes'", "UNAVAILABLE", "TIMEOUT", 2000);
    audit(application, minute + " - interval '3 minutes'", "UNAVAILABLE", "TIMEOUT", 1000);
    audit(application, "now() - interval '20 minutes'", "UNAVAILABLE", "UPSTREAM_ERROR", 5);

    JsonNode socialSecurity = console().get("sources").get(2);

    assertThat(socialSecurity.get("source").asText()).isEqualTo("SOCIAL_SECURITY");
    assertThat(socialSecurity.get("calls").asLong()).isEqualTo(13);
    assertThat(socialSecurity.get("reasons").propertyNames())
        .containsExactly("TIMEOUT", "CIRCUIT_OPEN");
    assertThat(socialSecurity.at("/reasons/TIMEOUT").asLong()).isEqualTo(2);
    assertThat(socialSecurity.at("/reasons/CIRCUIT_OPEN").asLong()).isEqualTo(1);
    JsonNode latency = socialSecurity.get("latency");
    assertThat(latency).hasSize(2);
    // The older minute first: the two timeouts.
    assertThat(latency.at("/0/calls").asLong()).isEqualTo(2);
    assertThat(latency.at("/0/p50").asDouble()).isEqualTo(1500.0);
    // 10..100 ms; the call refused by the open breaker took no time and is left out.
    assertThat(latency.at("/1/calls").asLong()).isEqualTo(10);
    assertThat(latency.at("/1/p50").asDouble()).isEqualTo(55.0);
    assertThat(latency.at("/1/p90").asDouble()).isEqualTo(91.0);
    assertThat(latency.at("/1/p99").asDouble()).isEqualTo(99.1);
    assertThat(
            Duration.between(
                java.time.OffsetDateTime.parse(latency.at("/0/minute").asText()),
                java.time.OffsetDateTime.parse(latency.at("/1/minute").asText())))
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void counts_the_unsent_outbox_events_and_the_age_of_the_oldest() {
    // Lane 1000 is no relay's (they own lanes 0–15), so these rows stay unsent.
    outbox("now() - interval '5 minutes'");
    outbox("now() - interval '10 seconds'");

    JsonNode outbox = console().get("outbox");

    assertThat(outbox.get("unsent").asLong()).isEqualTo(2);
    assertThat(outbox.get("oldestAgeSeconds").asLong()).isBetween(300L, 3600L);
    assertThat(outbox.get("oldestCreatedAt").asText()).endsWith("+08:00");
  }

  @Test
  void an_empty_gateway_shows_four_closed_breakers_and_nothing_else() {
    JsonNode view = console();

    assertThat(view.get("sources")).hasSize(4);
    assertThat(view.get("sources").valueStream().map(card -> card.at("/breaker/state").asText()))
        .containsOnly("CLOSED");
    assertThat(view.get("recent")).isEmpty();
    assertThat(view.at("/outbox/unsent").asLong()).isZero();
    assertThat(view.at("/outbox/oldestAgeSeconds").isMissingNode()).isTrue();
  }

  @Test
  void serves_the_page_and_its_files_from_the_gateway_itself() {
    for (String path :
        new String[] {
          "/ops/console", "/ops/console.js", "/ops/console.css", "/ops/console-samples.json"
        }) {
      client
          .get()
          .uri(path)
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .valueEquals("Content-Security-Policy", OpsConsoleConfiguration.CONTENT_SECURITY_POLICY);
    }
    String page =
        client
            .get()
            .uri("/ops/console")
            .exchange()
            .expectHeader()
            .contentType("text/html;charset=UTF-8")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(page)
        .contains("/ops/console.js")
        .doesNotContain("http://")
        .doesNotContain("https://");
  }

  private JsonNode console() {
    return client
        .get()
        .uri("/api/v1/ops/console")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .cacheControl(org.springframework.http.CacheControl.noStore())
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  private void audit(String application, String at, String status, String reason, int latency) {
    db.sql(
            "insert into source_query_audit (queried_at, client_id, application_id,"
                + " verification_id, source, request_id, purpose, consent_id, status, reason,"
                + " attempts, latency_ms) values ("
                + at
                + ", 'test', '"
                + application
                + "', 'v-test', 'SOCIAL_SECURITY', 'r-test', 'ENROLLMENT', 'c-test', '"
                + status
                + "', "
                + (reason == null ? "null" : "'" + reason + "'")
                + ", 1, "
                + latency
                + ")")
        .then()
        .block(Duration.ofSeconds(10));
  }

  private void outbox(String createdAt) {
    db.sql(
            "insert into outbox (event_id, topic, event_key, event_type, lane, payload,"
                + " created_at) values (gen_random_uuid(), 'enrollment.test', 'k', 'Test', 1000,"
                + " '{}'::jsonb, "
                + createdAt
                + ")")
        .then()
        .block(Duration.ofSeconds(10));
  }
}
