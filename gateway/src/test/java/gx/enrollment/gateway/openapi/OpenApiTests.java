package gx.enrollment.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.submission.SubmissionRequest;
import gx.enrollment.gateway.submission.SubmissionValidator;
import gx.enrollment.gateway.support.StubbedGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document describes every operation our controllers map, with the shared problem
 * schema and examples that resolve; API.md's example request, taken from the document, verifies.
 */
class OpenApiTests extends StubbedGateway {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired SubmissionValidator validator;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void describes_every_operation_our_controllers_map() {
    JsonNode doc = apiDocs();
    Set<String> mapped = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              if (method.getBeanType().getPackageName().startsWith("gx.enrollment.gateway")) {
                mapped.addAll(operations(info));
              }
            });
    assertThat(mapped).as("the controllers' operations").hasSizeGreaterThanOrEqualTo(13);

    Set<String> described = new TreeSet<>();
    doc.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op ->
                            described.add(
                                op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
    assertThat(described).containsAll(mapped);

    // Every operation says what it answers, errors as problem+json included.
    doc.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          JsonNode responses = op.getValue().get("responses");
                          assertThat(responses.has("500")).as(path.getKey()).isTrue();
                          assertThat(responses.at("/500/content").has(ApiDocs.PROBLEM_JSON))
                              .as(path.getKey())
                              .isTrue();
                          assertThat(op.getValue().get("tags")).as(path.getKey()).isNotEmpty();
                        }));
  }

  @Test
  void has_the_key_schemas_and_every_referenced_example() {
    JsonNode doc = apiDocs();
    JsonNode schemas = doc.at("/components/schemas");
    assertThat(schemas.has("Problem")).isTrue();
    assertThat(schemas.has("SubmissionRequest")).isTrue();
    assertThat(schemas.has("VerificationAnswer")).isTrue();
    assertThat(schemas.has("DecisionRequest")).isTrue();
    assertThat(schemas.at("/Problem/properties/type/enum").toString())
        .contains("https://enrollment.gx.example/problems/invalid-submission")
        .contains("https://enrollment.gx.example/problems/duplicate-application");
    assertThat(schemas.at("/SubmissionRequest/properties/stage/enum").toString())
        .contains("PRIMARY")
        .contains("JUNIOR");

    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertThat(refs).contains("#/components/examples/verification-request-form-a");
    for (String ref : refs) {
      assertThat(doc.at(ref.substring(1))).as(ref).isNotNull();
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref + " resolves").isFalse();
    }
    JsonNode verify = doc.at("/paths/~1api~1v1~1verifications/post");
    assertThat(verify.at("/responses/200/content/application~1json/schema/$ref").asText())
        .endsWith("/VerificationAnswer");
    assertThat(verify.at("/responses/409/content").has(ApiDocs.PROBLEM_JSON)).isTrue();
    assertThat(verify.at("/parameters").toString()).contains("Idempotency-Key");
  }

  @Test
  void the_documented_example_requests_are_valid_submissions() {
    JsonNode doc = apiDocs();
    JsonNode formA = doc.at("/components/examples/verification-request-form-a/value");
    assertThat(formA.at("/student/name").asText()).isEqualTo("黄小明");
    for (String name : List.of("verification-request-form-a", "verification-request-form-b")) {
      SubmissionRequest request =
          JSON.treeToValue(
              doc.at("/components/examples/" + name + "/value"), SubmissionRequest.class);
      assertThat(validator.validate(request))
          .as(name)
          .isInstanceOf(SubmissionValidator.Outcome.Valid.class);
    }

    // And the endpoint takes API.md's example as documented: stored, verified, nothing contradicted
    // (a source slowed by a loaded machine may make it NEEDS_REVIEW, never INCONSISTENT).
    JsonNode answer =
        client
            .post()
            .uri("/api/v1/verifications")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(formA.toString())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(answer.get("outcome").asText()).isIn("VERIFIED", "NEEDS_REVIEW");
    for (JsonNode source : answer.get("sources")) {
      for (JsonNode check : source.get("checks")) {
        assertThat(check.get("result").asText()).as(source.toString()).isEqualTo("MATCH");
      }
    }
    // The documented answer has the fields the real one has.
    JsonNode documented = doc.at("/components/examples/verification-answer-verified/value");
    List<String> real = new ArrayList<>();
    answer.propertyNames().forEach(real::add);
    List<String> described = new ArrayList<>();
    documented.propertyNames().forEach(described::add);
    assertThat(described).containsExactlyInAnyOrderElementsOf(real);
  }

  @Test
  void serves_the_swagger_ui() {
    client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    client
        .get()
        .uri("/webjars/swagger-ui/index.html")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("swagger-ui"));
  }

  private JsonNode apiDocs() {
    String body =
        client
            .get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    return JSON.readTree(body);
  }

  private static List<String> operations(RequestMappingInfo info) {
    List<String> operations = new ArrayList<>();
    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
    for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
      for (RequestMethod method : methods) {
        operations.add(method.name() + " " + pattern.getPatternString());
      }
    }
    return operations;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                  refs.add(field.getValue().asText());
                } else {
                  collectRefs(field.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
