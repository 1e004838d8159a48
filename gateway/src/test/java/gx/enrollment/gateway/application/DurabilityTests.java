package gx.enrollment.gateway.application;

import static gx.enrollment.gateway.support.Submissions.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gx.enrollment.gateway.support.EmbeddedKafkaServer;
import gx.enrollment.gateway.support.Families;
import gx.enrollment.gateway.support.KafkaTopics;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.mocks.Upstream;
import gx.enrollment.mocks.population.Family;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a {@code 2xx} of the verification endpoint promises: the application, its report and its
 * events are committed in PostgreSQL, the events reach Kafka, identifiers are never in clear, and
 * retries and races change nothing twice.
 */
class DurabilityTests extends StubbedGateway {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void stores_the_application_its_report_history_audit_and_events() {
    Family family = stubs.population().family("migrant-owner");

    JsonNode answer = submit(Families.submission(family, "A"), null).getResponseBody();

    UUID id = UUID.fromString(answer.get("applicationId").asText());
    assertThat(answer.get("reference").asText()).matches("GX2024-\\d{6}");
    assertThat(answer.get("status").asText()).isEqualTo("PENDING_ACCEPTANCE");
    assertThat(value("select status from applications where id = '" + id + "'"))
        .isEqualTo("PENDING_ACCEPTANCE");
    assertThat(
            values(
                "select to_status from application_status_history where application_id = '"
                    + id
                    + "' order by id"))
        .containsExactly("RECEIVED", "PENDING_ACCEPTANCE");
    assertThat(
            value("select outcome from verification_reports where application_id = '" + id + "'"))
        .isEqualTo("VERIFIED");
    assertThat(
            values(
                "select source || ':' || purpose || ':' || consent_id || ':' || status from"
                    + " source_query_audit where application_id = '"
                    + id
                    + "' order by source"))
        .containsExactly(
            "HOUSEHOLD:ENROLLMENT:c-migrant-owner:OK",
            "REAL_ESTATE:ENROLLMENT:c-migrant-owner:OK",
            "RESIDENCE_PERMIT:ENROLLMENT:c-migrant-owner:OK",
            "SOCIAL_SECURITY:ENROLLMENT:c-migrant-owner:OK");
    assertThat(values("select topic from outbox where event_key = '" + id + "' order by id"))
        .containsExactly(
            "enrollment.application.status-changed",
            "enrollment.verification.completed",
            "enrollment.application.status-changed");
  }

  @Test
  void
      stores_the_consent_with_the_application_and_keeps_every_digit_of_a_reference_past_a_million() {
    String before = value("select last_value from application_reference_seq");
    value("select setval('application_reference_seq', 1234566)");
    try {
      Family family = stubs.population().family("migrant-renter");
      JsonNode answer = submit(Families.submission(family, "A"), null).getResponseBody();

      String id = answer.get("applicationId").asText();
      assertThat(answer.get("reference").asText()).isEqualTo("GX2024-1234567");
      assertThat(value("select reference from applications where id = '" + id + "'"))
          .isEqualTo("GX2024-1234567");
      assertThat(
              value(
                  "select consent_id || ':' || real_name_verified from consents"
                      + " where application_id = '"
                      + id
                      + "'"))
          .isEqualTo("c-migrant-renter:true");
    } finally {
      value("select setval('application_reference_seq', " + before + ")");
    }
  }

  @Test
  void publishes_the_events_of_a_submission_to_kafka_keyed_by_application() {
    JsonNode answer =
        submit(Families.submission(stubs.population().family("junior-local"), "A"), null)
            .getResponseBody();
    String id = answer.get("applicationId").asText();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              List<ConsumerRecord<String, String>> records =
                  KafkaTopics.readAll(
                          EmbeddedKafkaServer.shared().bootstrapServers(),
                          Duration.ofMillis(300),
                          "enrollment.verification.completed",
                          "enrollment.application.status-changed")
                      .stream()
                      .filter(r -> id.equals(r.key()))
                      .toList();
              assertThat(records).hasSize(3);
              assertThat(records)
                  .extracting(r -> JSON.readTree(r.value()).get("eventId").asText())
                  .doesNotHaveDuplicates();
            });
  }

  @Test
  void never_stores_an_id_number_or_phone_in_clear() {
    Family family = stubs.population().family("migrant-renter");
    submit(Families.submission(family, "A"), null);

    List<String> tables =
        values("select table_name from information_schema.tables where table_schema = 'public'");
    String everything =
        tables.stream()
            .map(table -> String.join("\n", values("select t::text from " + table + " t")))
            .collect(Collectors.joining("\n"));

    assertThat(tables).contains("applications", "consents", "source_query_audit", "outbox");
    assertThat(everything)
        .contains(family.guardian().name())
        .doesNotContain(family.child().idNumber())
        .doesNotContain(family.guardian().idNumber())
        .doesNotContain(family.phone());
  }

  @Test
  void fifty_concurrent_submissions_for_one_child_make_one_application() {
    Map<String, Object> body = Families.submission(stubs.population().family("local-simple"), "B");

    List<EntityExchangeResult<JsonNode>> answers =
        Flux.range(0, 50)
            .flatMap(
                i ->
                    Flux.just(i)
                        .publishOn(Schedulers.boundedElastic())
                        .map(n -> submitAny(body, null)),
                50)
            .collectList()
            .block(Duration.ofSeconds(60));

    assertThat(answers).extracting(a -> a.getStatus().value()).containsOnly(200, 409);
    assertThat(answers).filteredOn(a -> a.getStatus().value() == 200).hasSize(1);
    String reference =
        answers.stream()
            .filter(a -> a.getStatus().value() == 200)
            .findFirst()
            .orElseThrow()
            .getResponseBody()
            .get("reference")
            .asText();
    assertThat(answers)
        .filteredOn(a -> a.getStatus().value() == 409)
        .allSatisfy(
            a -> {
              assertThat(a.getResponseBody().get("type").asText())
                  .endsWith("/duplicate-application");
              assertThat(a.getResponseBody().get("existingReference").asText())
                  .isEqualTo(reference);
              assertThat(a.getResponseBody().get("existingChannel").asText()).isEqualTo("ONLINE");
            });
    assertThat(value("select count(*) from applications where reference = '" + reference + "'"))
        .isEqualTo("1");
  }

  @Test
  void a_second_application_for_the_child_is_refused_offline_too() {
    Family family = stubs.population().family("priority-category");
    submit(Families.submission(family, null), null);

    var refused = submitAny(with(Families.submission(family, null), "channel", "OFFLINE"), null);

    assertThat(refused.getStatus().value()).isEqualTo(409);
    assertThat(refused.getResponseBody().get("existingChannel").asText()).isEqualTo("ONLINE");
  }

  @Test
  void fifty_concurrent_retries_with_one_key_make_one_application_and_one_answer() {
    Family family = stubs.population().family("gen-451402-1");
    Map<String, Object> mine = Families.submission(family, null);
    String key = "retry-" + UUID.randomUUID();

    List<EntityExchangeResult<JsonNode>> answers =
        Flux.range(0, 50)
            .flatMap(
                i ->
                    Flux.just(i)
                        .publishOn(Schedulers.boundedElastic())
                        .map(n -> submitAny(mine, key)),
                50)
            .collectList()
            .block(Duration.ofSeconds(60));

    assertThat(answers).extracting(a -> a.getStatus().value()).containsOnly(200);
    assertThat(answers.stream().map(a -> a.getResponseBody().toString()).distinct()).hasSize(1);
    String id = answers.get(0).getResponseBody().get("applicationId").asText();
    assertThat(
            value("select count(*) from verification_reports where application_id = '" + id + "'"))
        .isEqualTo("1");
    assertThat(stubs.requestCount(Upstream.HOUSEHOLD)).isEqualTo(1);
  }

  @Test
  void the_same_key_with_another_body_is_refused() {
    Family family = stubs.population().family("gen-451421-1");
    String key = "reuse-" + UUID.randomUUID();
    submit(Families.submission(family, null), key);

    var refused =
        submitAny(with(Families.submission(family, null), "guardian.phone", "13900000000"), key);

    assertThat(refused.getStatus().value()).isEqualTo(409);
    assertThat(refused.getResponseBody().get("type").asText()).endsWith("/idempotency-key-reused");
  }

  @Test
  void a_retry_with_the_key_gets_the_first_answer_without_asking_the_sources_again() {
    Family family = stubs.population().family("gen-451481-1");
    String key = "again-" + UUID.randomUUID();
    String first = submit(Families.submission(family, null), key).getResponseBody().toString();
    stubs.resetCounters();

    String second = submit(Families.submission(family, null), key).getResponseBody().toString();

    assertThat(second).isEqualTo(first);
    assertThat(stubs.requestCount(Upstream.HOUSEHOLD)).isZero();
  }

  private EntityExchangeResult<JsonNode> submit(Map<String, Object> body, String key) {
    EntityExchangeResult<JsonNode> result = submitAny(body, key);
    assertThat(result.getStatus().value())
        .as(String.valueOf(result.getResponseBody()))
        .isEqualTo(200);
    return result;
  }

  private EntityExchangeResult<JsonNode> submitAny(Map<String, Object> body, String key) {
    return client
        .mutate()
        .responseTimeout(Duration.ofSeconds(30))
        .build()
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
        .expectBody(JsonNode.class)
        .returnResult();
  }
}
