package gx.enrollment.gateway.verification;

import static gx.enrollment.gateway.support.Submissions.formA;
import static gx.enrollment.gateway.support.Submissions.formB;
import static gx.enrollment.gateway.support.Submissions.map;
import static gx.enrollment.gateway.support.Submissions.with;
import static gx.enrollment.gateway.support.Submissions.without;
import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.mocks.Upstream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * Every class of bad input of API.md gets a 4xx {@code application/problem+json} with a stable
 * type, and no source is queried.
 */
class VerificationInputTests extends StubbedGateway {

  @AfterEach
  void noSourceWasQueried() {
    for (Upstream upstream : Upstream.values()) {
      assertThat(stubs.requestCount(upstream)).as("requests to %s", upstream).isZero();
    }
  }

  static Stream<Arguments> invalidSubmissions() {
    return Stream.of(
        invalid(
            "wrong check character",
            with(formA(), "student.idNumber", "450702201809120012"),
            "student.idNumber"),
        invalid(
            "impossible birth date",
            with(formA(), "guardian.idNumber", "450702198802300020"),
            "guardian.idNumber"),
        invalid(
            "ID with letters",
            with(formA(), "guardian.idNumber", "45070219880315002A"),
            "guardian.idNumber"),
        invalid("region outside the pilot", with(formA(), "regionCode", "450100"), "regionCode"),
        invalid("兴宾区", with(formA(), "regionCode", "451302"), "regionCode"),
        invalid("too young", with(formA(), "stage", "JUNIOR"), "student.idNumber"),
        invalid(
            "section form B does not allow",
            with(formB(), "employment", map("employer", "某公司")),
            "employment"),
        invalid("missing required section", without(formA(), "residence"), "residence"),
        invalid("bad phone", with(formA(), "guardian.phone", "+86 138"), "guardian.phone"),
        invalid("unknown enum", with(formA(), "guardian.relation", "AUNT"), "guardian.relation"),
        invalid(
            "missing everything",
            Map.of(),
            "schoolYear",
            "stage",
            "formType",
            "channel",
            "regionCode",
            "student",
            "guardian"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSubmissions")
  void refuses_an_invalid_submission_naming_every_bad_field(
      String why, Map<String, Object> body, String[] fields) {
    Map<String, Object> problem = post(body, 400, "invalid-submission");

    assertThat(errorFields(problem)).containsExactlyInAnyOrder(fields);
  }

  @Test
  void names_every_bad_field_at_once() {
    Map<String, Object> body = formA();
    with(body, "student.idNumber", "450702201809120012");
    with(body, "guardian.phone", "1");
    with(body, "formType", "C");

    Map<String, Object> problem = post(body, 400, "invalid-submission");

    assertThat(errorFields(problem))
        .containsExactlyInAnyOrder("student.idNumber", "guardian.phone", "formType");
    assertThat(problem.get("detail")).isEqualTo("3 fields are invalid");
  }

  @Test
  void refuses_an_online_submission_without_consent_before_any_query() {
    post(without(formA(), "consent"), 403, "consent-required");
  }

  @Test
  void refuses_an_online_submission_without_real_name_verification() {
    post(with(formA(), "consent.realNameVerified", false), 403, "consent-required");
  }

  static Stream<Arguments> malformedBodies() {
    return Stream.of(
        Arguments.of("truncated JSON", "{\"schoolYear\": 2024, \"stage\":", "$"),
        Arguments.of("not JSON", "schoolYear=2024", "$"),
        Arguments.of("wrong type", "{\"schoolYear\": \"twenty\"}", "schoolYear"),
        Arguments.of("object expected", "{\"student\": \"黄小明\"}", "student"),
        Arguments.of("duplicate key", "{\"stage\": \"PRIMARY\", \"stage\": \"JUNIOR\"}", "$"),
        Arguments.of("array instead of object", "[1, 2, 3]", "$"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedBodies")
  void refuses_malformed_json_naming_the_place(String why, String body, String field) {
    Map<String, Object> problem =
        postRaw(body, MediaType.APPLICATION_JSON, 400, "malformed-request");

    if (problem.containsKey("errors")) {
      assertThat(errorFields(problem)).containsExactly(field);
    } else {
      assertThat(field).isEqualTo("$");
    }
  }

  @Test
  void refuses_an_empty_body() {
    postRaw("", MediaType.APPLICATION_JSON, 400, "malformed-request");
  }

  @Test
  void refuses_a_body_over_the_limit_by_its_declared_length() {
    String huge = "{\"pad\": \"" + "x".repeat(70_000) + "\"}";

    postRaw(huge, MediaType.APPLICATION_JSON, 413, "payload-too-large");
  }

  @Test
  void refuses_a_chunked_body_over_the_limit_while_reading_it() {
    byte[] chunk = ("\"" + "x".repeat(8_190) + "\",").getBytes(StandardCharsets.UTF_8);
    Flux<DataBuffer> body =
        Flux.concat(
            Flux.just(buffer("{\"pad\": [".getBytes(StandardCharsets.UTF_8))),
            Flux.range(0, 20).map(i -> buffer(chunk)),
            Flux.just(buffer("\"end\"]}".getBytes(StandardCharsets.UTF_8))));

    client
        .post()
        .uri("/api/v1/verifications")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body, DataBuffer.class)
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .value(type -> assertThat(type.toString()).endsWith("/payload-too-large"));
  }

  @Test
  void refuses_a_body_that_is_not_json() {
    postRaw("schoolYear=2024", MediaType.TEXT_PLAIN, 415, "unsupported-media-type");
  }

  @Test
  void answers_an_unknown_path_and_a_wrong_method_with_problems() {
    client
        .get()
        .uri("/api/v1/verifications")
        .exchange()
        .expectStatus()
        .isEqualTo(405)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    client
        .get()
        .uri("/api/v1/nothing-here")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .value(type -> assertThat(type.toString()).endsWith("/not-found"));
  }

  @Test
  void never_echoes_a_whole_id_number_in_an_error() {
    String body =
        client
            .post()
            .uri("/api/v1/verifications")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(with(formA(), "stage", "JUNIOR"))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(body).doesNotContain("450702201809120011").doesNotContain("13800771234");
  }

  private Map<String, Object> post(Map<String, Object> body, int status, String type) {
    return check(
        client
            .post()
            .uri("/api/v1/verifications")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange(),
        status,
        type);
  }

  private Map<String, Object> postRaw(String body, MediaType contentType, int status, String type) {
    return check(
        client
            .post()
            .uri("/api/v1/verifications")
            .contentType(contentType)
            .bodyValue(body)
            .exchange(),
        status,
        type);
  }

  private static Map<String, Object> check(
      WebTestClient.ResponseSpec response, int status, String type) {
    Map<String, Object> problem =
        response
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(MAP)
            .returnResult()
            .getResponseBody();
    assertThat(problem).containsEntry("status", status);
    assertThat(problem.get("type").toString()).endsWith("/problems/" + type);
    assertThat(problem.get("detail")).isNotNull();
    return problem;
  }

  @SuppressWarnings("unchecked")
  private static List<String> errorFields(Map<String, Object> problem) {
    return ((List<Map<String, Object>>) problem.get("errors"))
        .stream().map(error -> (String) error.get("field")).toList();
  }

  private static Arguments invalid(String why, Map<String, Object> body, String... fields) {
    return Arguments.of(why, body, Arrays.copyOf(fields, fields.length));
  }

  private static DataBuffer buffer(byte[] bytes) {
    return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
  }
}
