package gx.enrollment.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.gateway.events.OutboxRelay;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.gateway.support.Submissions;
import gx.enrollment.mocks.FaultScenario;
import gx.enrollment.mocks.Upstream;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * What an operator sees of a source that fails: the Prometheus scrape counts the verification's
 * outcome and the source's result by reason, times it, and counts the retries; the health endpoint
 * shows the source's breaker open while the application stays up and ready.
 */
class MetricsAndHealthTests extends StubbedGateway {

  @Autowired SourceConnectors connectors;
  @Autowired OutboxBacklogGauges outboxGauges;
  @Autowired OutboxRelay outboxRelay;

  @AfterEach
  void closeBreakers() {
    // The context is shared with later test classes: leave every breaker as they expect it.
    for (Source source : Source.values()) {
      connectors.circuitBreaker(source).reset();
    }
  }

  @Test
  void a_verification_with_one_source_down_shows_in_the_scrape() {
    Scrape before = scrape();
    stubs.fault(Upstream.REAL_ESTATE, FaultScenario.serviceUnavailable());

    JsonNode answer = verify();

    assertThat(answer.get("outcome").asText()).isEqualTo("NEEDS_REVIEW");
    JsonNode realEstate = source(answer, "REAL_ESTATE");
    assertThat(realEstate.get("status").asText()).isEqualTo("UNAVAILABLE");
    assertThat(realEstate.get("reason").asText()).isEqualTo("UPSTREAM_ERROR");
    int attempts = realEstate.get("attempts").asInt();
    assertThat(attempts).isGreaterThan(1);

    Scrape after = scrape();
    assertThat(increase(before, after, "enrollment_verifications_total", "outcome", "NEEDS_REVIEW"))
        .isEqualTo(1.0);
    assertThat(increase(before, after, "enrollment_verifications_total", "outcome", "VERIFIED"))
        .isZero();
    assertThat(
            after.value(
                "enrollment_verifications_total",
                "outcome",
                "NEEDS_REVIEW",
                "application",
                "enrollment-gateway"))
        .as("the common application tag")
        .isGreaterThanOrEqualTo(1.0);
    assertThat(
            increase(
                before,
                after,
                "enrollment_source_results_total",
                "source",
                "REAL_ESTATE",
                "status",
                "UNAVAILABLE",
                "reason",
                "UPSTREAM_ERROR"))
        .isEqualTo(1.0);
    for (String ok : List.of("HOUSEHOLD", "RESIDENCE_PERMIT", "SOCIAL_SECURITY")) {
      assertThat(
              increase(
                  before,
                  after,
                  "enrollment_source_results_total",
                  "source",
                  ok,
                  "status",
                  "OK",
                  "reason",
                  "NONE"))
          .as(ok)
          .isEqualTo(1.0);
    }
    assertThat(
            increase(
                before,
                after,
                "enrollment_source_latency_seconds_count",
                "source",
                "REAL_ESTATE",
                "status",
                "UNAVAILABLE"))
        .isEqualTo(1.0);
    assertThat(
            increase(
                before,
                after,
                "enrollment_source_latency_seconds_count",
                "source",
                "HOUSEHOLD",
                "status",
                "OK"))
        .isEqualTo(1.0);
    // A histogram, so percentiles can be computed across instances.
    assertThat(
            after.value(
                "enrollment_source_latency_seconds_bucket",
                "source",
                "REAL_ESTATE",
                "status",
                "UNAVAILABLE",
                "le",
                "+Inf"))
        .isGreaterThanOrEqualTo(1.0);
    // Every attempt after the first was a retry of the 503.
    assertThat(increase(before, after, "enrollment_source_retries_total", "source", "REAL_ESTATE"))
        .isEqualTo(attempts - 1.0);
    // Resilience4j's own meters are bound to the stacks.
    assertThat(
            after.value(
                "resilience4j_circuitbreaker_state", "name", "real-estate", "state", "closed"))
        .isEqualTo(1.0);
    assertThat(after.has("resilience4j_bulkhead_available_concurrent_calls")).isTrue();
    assertThat(after.has("resilience4j_retry_calls_total")).isTrue();
    // The outbox gauges are in the scrape from the start.
    assertThat(after.has("enrollment_outbox_backlog")).isTrue();
    assertThat(after.has("enrollment_outbox_oldest_age_seconds")).isTrue();
  }

  @Test
  void an_open_breaker_shows_in_health_without_taking_the_application_down() {
    Scrape before = scrape();
    CircuitBreaker breaker = connectors.circuitBreaker(Source.REAL_ESTATE);
    breaker.transitionToOpenState();

    JsonNode health = json("/actuator/health", 200);
    assertThat(health.get("status").asText()).isEqualTo("UP");
    JsonNode sources = health.at("/components/sources/components");
    JsonNode realEstate = sources.get("real-estate");
    assertThat(realEstate.get("status").asText()).isEqualTo("CIRCUIT_OPEN");
    assertThat(realEstate.at("/details/state").asText()).isEqualTo("OPEN");
    assertThat(realEstate.at("/details/source").asText()).isEqualTo("REAL_ESTATE");
    assertThat(realEstate.at("/details").has("failureRate")).isTrue();
    assertThat(realEstate.at("/details").has("slowCallRate")).isTrue();
    assertThat(realEstate.at("/details").has("bufferedCalls")).isTrue();
    assertThat(realEstate.at("/details").has("failedCalls")).isTrue();
    for (String other : List.of("household", "residence-permit", "social-security")) {
      assertThat(sources.get(other).get("status").asText()).as(other).isEqualTo("UP");
      assertThat(sources.get(other).at("/details/state").asText()).isEqualTo("CLOSED");
    }
    assertThat(json("/actuator/health/readiness", 200).get("status").asText()).isEqualTo("UP");
    assertThat(json("/actuator/health/liveness", 200).get("status").asText()).isEqualTo("UP");

    // A verification meanwhile: the open breaker is a reason of its own, and nothing is sent.
    stubs.resetCounters();
    JsonNode answer = verify();
    assertThat(source(answer, "REAL_ESTATE").get("reason").asText()).isEqualTo("CIRCUIT_OPEN");
    assertThat(stubs.requestCount(Upstream.REAL_ESTATE)).isZero();

    Scrape after = scrape();
    assertThat(
            increase(
                before,
                after,
                "enrollment_source_breaker_transitions_total",
                "source",
                "REAL_ESTATE",
                "from",
                "CLOSED",
                "to",
                "OPEN"))
        .isEqualTo(1.0);
    assertThat(
            after.value(
                "resilience4j_circuitbreaker_state", "name", "real-estate", "state", "open"))
        .isEqualTo(1.0);
    assertThat(
            increase(
                before,
                after,
                "enrollment_source_results_total",
                "source",
                "REAL_ESTATE",
                "reason",
                "CIRCUIT_OPEN"))
        .isEqualTo(1.0);

    breaker.transitionToClosedState();
    assertThat(json("/actuator/health/sources/real-estate", 200).get("status").asText())
        .isEqualTo("UP");
  }

  @Test
  void the_outbox_gauges_count_what_waits_and_how_long() {
    // Rows written long ago and never sent, as while Kafka is away; the relay is stopped so it
    // cannot send them under the test's feet.
    outboxRelay.stop();
    try {
      db.sql(
              "insert into outbox (event_id, topic, event_key, event_type, lane, payload,"
                  + " created_at) values (gen_random_uuid(), 't', 'k', 'x', 0, '{}',"
                  + " now() - interval '90 seconds'), (gen_random_uuid(), 't', 'k', 'x', 0, '{}',"
                  + " now() - interval '5 seconds')")
          .then()
          .block(Duration.ofSeconds(10));

      outboxGauges.refresh().block(Duration.ofSeconds(10));

      Scrape scrape = scrape();
      assertThat(scrape.value("enrollment_outbox_backlog")).isEqualTo(2.0);
      assertThat(scrape.value("enrollment_outbox_oldest_age_seconds")).isBetween(89.0, 600.0);

      db.sql("update outbox set sent_at = now()").then().block(Duration.ofSeconds(10));
      outboxGauges.refresh().block(Duration.ofSeconds(10));
      Scrape drained = scrape();
      assertThat(drained.value("enrollment_outbox_backlog")).isZero();
      assertThat(drained.value("enrollment_outbox_oldest_age_seconds")).isZero();
    } finally {
      outboxRelay.start();
    }
  }

  private JsonNode verify() {
    return client
        .post()
        .uri("/api/v1/verifications")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Submissions.formA())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  private static JsonNode source(JsonNode answer, String source) {
    for (JsonNode result : answer.get("sources")) {
      if (result.get("source").asText().equals(source)) {
        return result;
      }
    }
    throw new AssertionError(source + " missing from " + answer);
  }

  private JsonNode json(String path, int status) {
    return client
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  private Scrape scrape() {
    String text =
        client
            .get()
            .uri("/actuator/prometheus")
            .accept(MediaType.TEXT_PLAIN)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    return new Scrape(text);
  }

  private static double increase(Scrape before, Scrape after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }
}
