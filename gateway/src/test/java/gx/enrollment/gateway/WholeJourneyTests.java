package gx.enrollment.gateway;

import static gx.enrollment.gateway.support.Submissions.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gx.enrollment.gateway.review.ReviewDecisionConsumer;
import gx.enrollment.gateway.support.EmbeddedKafkaServer;
import gx.enrollment.gateway.support.Families;
import gx.enrollment.gateway.support.KafkaTopics;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.mocks.SentSms;
import gx.enrollment.mocks.population.Family;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A parent's whole journey of the seed and the reviewer's side of it, end to end on the running
 * gateway with its real PostgreSQL and Kafka and the WireMock sources and SMS gateway: a draft
 * saved in two steps with a scan attached, submitted, sent back for a supplement by a reviewer over
 * Kafka, the asked-for scan uploaded and downloaded by the reviewer, supplemented, accepted over
 * Kafka, completed with an admission over the reviewers' HTTP endpoint, its result read and rated —
 * with the events a reviewers' system reads and the SMS the guardian receives.
 */
class WholeJourneyTests extends StubbedGateway {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String STATUS_CHANGED = "enrollment.application.status-changed";
  private static final String VERIFICATION_COMPLETED = "enrollment.verification.completed";

  @BeforeAll
  static void createTopic() {
    EmbeddedKafkaServer.shared().broker().addTopicsWithResults(ReviewDecisionConsumer.TOPIC);
  }

  @Test
  void draft_submit_supplement_accept_admit_result_and_rating() {
    Family family = stubs.population().family("migrant-owner");
    Map<String, Object> complete = Families.submission(family, "A");
    Map<String, Object> wrongCertificate =
        with(
            Families.submission(family, "A"),
            "residence.certificateNumber",
            "桂(2023)钦州市不动产权第9999999号");

    // 1. The parent starts a draft with the first step of the form, then saves the rest.
    Map<String, Object> firstStep = new LinkedHashMap<>();
    for (String key : List.of("schoolYear", "stage", "formType", "regionCode", "channel")) {
      firstStep.put(key, complete.get(key));
    }
    firstStep.put("student", complete.get("student"));
    JsonNode draft = exchange(HttpMethod.POST, "/api/v1/applications/drafts", firstStep, 201);
    String draftId = draft.get("draftId").asText();
    exchange(HttpMethod.PUT, "/api/v1/applications/drafts/" + draftId, wrongCertificate, 200);
    byte[] householdScan = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'};
    upload(
        "/api/v1/applications/drafts/" + draftId + "/materials",
        "HOUSEHOLD",
        "户口簿.jpg",
        MediaType.IMAGE_JPEG,
        householdScan);
    JsonNode reopened =
        exchange(HttpMethod.GET, "/api/v1/applications/drafts/" + draftId, null, 200);
    assertThat(reopened.at("/form/residence/certificateNumber").asText())
        .isEqualTo("桂(2023)钦州市不动产权第9999999号");

    // 2. Submitted: verified at once (the real-estate register contradicts the certificate).
    JsonNode submitted =
        exchange(
            HttpMethod.POST, "/api/v1/applications/drafts/" + draftId + "/submission", null, 200);
    String id = submitted.get("applicationId").asText();
    String reference = submitted.get("reference").asText();
    assertThat(submitted.get("status").asText()).isEqualTo("PENDING_ACCEPTANCE");
    assertThat(submitted.get("outcome").asText())
        .as(submitted.toString())
        .isEqualTo("INCONSISTENT");
    assertThat(sourceStatus(submitted, "REAL_ESTATE")).isEqualTo("OK");

    // 3. The reviewers' system reads the report from Kafka and asks for a supplement over Kafka.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !events(VERIFICATION_COMPLETED, id).isEmpty());
    assertThat(events(VERIFICATION_COMPLETED, id).get(0).at("/payload/outcome").asText())
        .isEqualTo("INCONSISTENT");
    publishDecision(
        id,
        """
        {"decisionId": "j-supplement-%s", "applicationId": "%s", "decision": "REQUEST_SUPPLEMENT",
         "reviewer": "qz-edu-01", "reason": "不动产权证号与登记不符",
         "supplements": ["不动产权证书照片", "正确的不动产权证号"]}
        """
            .formatted(id, id));
    awaitStatus(id, "NEEDS_SUPPLEMENT");
    JsonNode waiting = exchange(HttpMethod.GET, "/api/v1/applications/" + id, null, 200);
    assertThat(waiting.get("statusLabel").asText()).isEqualTo("待补正");
    assertThat(waiting.toString()).doesNotContain(family.guardian().idNumber());

    // The parent uploads the certificate's scan the reviewer asked for; the reviewer downloads it.
    byte[] certificateScan = "%PDF-1.4\n不动产权证书\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    JsonNode material =
        upload(
            "/api/v1/applications/" + id + "/materials",
            "RESIDENCE",
            "不动产权证书.pdf",
            MediaType.APPLICATION_PDF,
            certificateScan);
    EntityExchangeResult<byte[]> downloaded =
        client
            .get()
            .uri("/api/v1/applications/" + id + "/materials/" + material.get("id").asText())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult();
    assertThat(downloaded.getResponseBody()).isEqualTo(certificateScan);
    assertThat(downloaded.getResponseHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PDF);

    // 4. The parent corrects the certificate number: only the real-estate register is asked again.
    stubs.resetCounters();
    JsonNode supplemented =
        exchange(HttpMethod.POST, "/api/v1/applications/" + id + "/supplement", complete, 200);
    assertThat(supplemented.get("outcome").asText())
        .as(supplemented.toString())
        .isEqualTo("VERIFIED");
    assertThat(supplemented.get("status").asText()).isEqualTo("PENDING_ACCEPTANCE");
    assertThat(supplemented.get("carriedOver").toString())
        .contains("HOUSEHOLD", "RESIDENCE_PERMIT", "SOCIAL_SECURITY");
    assertThat(stubs.requestCount(gx.enrollment.mocks.Upstream.REAL_ESTATE)).isEqualTo(1);
    assertThat(stubs.requestCount(gx.enrollment.mocks.Upstream.HOUSEHOLD)).isZero();

    // 5. The reviewer accepts over Kafka, then completes with an admission over HTTP.
    publishDecision(
        id,
        """
        {"decisionId": "j-accept-%s", "applicationId": "%s", "decision": "ACCEPT",
         "reviewer": "qz-edu-01"}
        """
            .formatted(id, id));
    awaitStatus(id, "IN_PROGRESS");
    JsonNode completed =
        exchange(
            HttpMethod.POST,
            "/api/v1/review/decisions",
            Map.of(
                "decisionId",
                "j-complete-" + id,
                "applicationId",
                id,
                "decision",
                "COMPLETE",
                "reviewer",
                "qz-edu-01",
                "admitted",
                true,
                "school",
                "钦州市第一小学"),
            200);
    assertThat(completed.get("outcome").asText()).isEqualTo("APPLIED");
    assertThat(completed.get("toStatus").asText()).isEqualTo("COMPLETED");

    // 6. The parent reads the result (办件结果) and rates it (办件评价), once.
    JsonNode result = exchange(HttpMethod.GET, "/api/v1/applications/" + id + "/result", null, 200);
    assertThat(result.get("admitted").asBoolean()).isTrue();
    assertThat(result.get("school").asText()).isEqualTo("钦州市第一小学");
    assertThat(result.get("reference").asText()).isEqualTo(reference);
    exchange(
        HttpMethod.POST,
        "/api/v1/applications/" + id + "/rating",
        Map.of("score", 5, "comment", "全程网办，很方便"),
        200);
    exchange(HttpMethod.POST, "/api/v1/applications/" + id + "/rating", Map.of("score", 1), 409);

    // The whole history, who moved it and why, as the parent's 我的办件 shows it.
    JsonNode view = exchange(HttpMethod.GET, "/api/v1/applications/" + id, null, 200);
    assertThat(view.get("statusLabel").asText()).isEqualTo("已办结");
    List<String> moves = new java.util.ArrayList<>();
    view.get("history").forEach(line -> moves.add(line.get("to").asText()));
    assertThat(moves)
        .containsExactly(
            "RECEIVED",
            "PENDING_ACCEPTANCE",
            "NEEDS_SUPPLEMENT",
            "PENDING_ACCEPTANCE",
            "IN_PROGRESS",
            "COMPLETED");
    assertThat(view.get("reports")).hasSize(2);
    List<String> sections = new java.util.ArrayList<>();
    view.get("materials").forEach(m -> sections.add(m.get("section").asText()));
    assertThat(sections).containsExactlyInAnyOrder("HOUSEHOLD", "RESIDENCE");

    // The reviewers' system saw every change, in order, on the status topic.
    await().atMost(Duration.ofSeconds(30)).until(() -> events(STATUS_CHANGED, id).size() == 6);
    assertThat(events(STATUS_CHANGED, id).stream().map(e -> e.at("/payload/to").asText()))
        .containsExactlyElementsOf(moves);

    // The guardian got exactly one SMS for each change the seed notifies, with the reference.
    await().atMost(Duration.ofSeconds(30)).until(() -> smsAbout(reference).size() >= 3);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> smsAbout(reference).size() == 3);
    assertThat(smsAbout(reference).stream().map(sms -> sms.params().get("status")))
        .containsExactly("待补正", "办理中", "已办结");
    assertThat(smsAbout(reference)).extracting(SentSms::phone).containsOnly(family.phone());
  }

  private JsonNode exchange(HttpMethod method, String uri, Object body, int expectedStatus) {
    var request = client.method(method).uri(uri);
    var spec =
        body == null
            ? request.exchange()
            : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    EntityExchangeResult<JsonNode> result = spec.expectBody(JsonNode.class).returnResult();
    assertThat(result.getStatus().value())
        .as("%s %s answered %s", method, uri, result.getResponseBody())
        .isEqualTo(expectedStatus);
    return result.getResponseBody();
  }

  private JsonNode upload(
      String uri, String section, String fileName, MediaType type, byte[] content) {
    // Written by hand: the multipart writer would look the file name's type up in a resource file,
    // a blocking read BlockHound refuses on the client's event loop.
    String boundary = "journey-boundary";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"section\"\r\n\r\n"
                + section
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    EntityExchangeResult<JsonNode> result =
        client
            .post()
            .uri(uri)
            .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
            .bodyValue(body.toByteArray())
            .exchange()
            .expectBody(JsonNode.class)
            .returnResult();
    assertThat(result.getStatus().value())
        .as("upload to %s answered %s", uri, result.getResponseBody())
        .isEqualTo(201);
    return result.getResponseBody();
  }

  private static String sourceStatus(JsonNode answer, String source) {
    for (JsonNode result : answer.get("sources")) {
      if (result.get("source").asText().equals(source)) {
        return result.get("status").asText();
      }
    }
    throw new AssertionError("no " + source + " in " + answer);
  }

  private void awaitStatus(String id, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> status.equals(value("select status from applications where id = '" + id + "'")));
  }

  /** The events of one application on {@code topic}, in the order a consumer reads them. */
  private static List<JsonNode> events(String topic, String applicationId) {
    return KafkaTopics.readAll(
            EmbeddedKafkaServer.shared().bootstrapServers(), Duration.ofMillis(500), topic)
        .stream()
        .filter(record -> applicationId.equals(record.key()))
        .map(ConsumerRecord::value)
        .map(JSON::readTree)
        .toList();
  }

  private static void publishDecision(String key, String value) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            EmbeddedKafkaServer.shared().bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(ReviewDecisionConsumer.TOPIC, key, value));
      producer.flush();
    }
  }
}
