package gx.enrollment.gateway.openapi;

import gx.enrollment.gateway.web.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every operation of the API shares in its OpenAPI description: the document's info and tags,
 * the RFC 9457 {@code Problem} schema, the error answers any call may get (malformed body, not
 * found, unsupported media type, too large, database away, internal error), and the examples of
 * API.md loaded from {@code classpath:openapi/examples/}. Each controller describes its own
 * operations with annotations ({@code @Tag}, {@code @Operation}, {@code @ApiResponse}); a new
 * controller needs nothing here.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  static {
    // The authenticated caller is resolved from the edge's exchange attribute, not from the
    // request.
    org.springdoc.core.utils.SpringDocUtils.getConfig()
        .addRequestWrapperToIgnore(gx.enrollment.gateway.edge.Caller.class);
  }

  static final String EXAMPLES_LOCATION = "classpath:openapi/examples/*.json";

  /** Answers any {@code /api/**} operation may give, added where an operation does not say. */
  private static final Map<String, ProblemType> COMMON_PROBLEMS =
      Map.of(
          "400", ProblemType.MALFORMED_REQUEST,
          "404", ProblemType.NOT_FOUND,
          "413", ProblemType.PAYLOAD_TOO_LARGE,
          "415", ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "500", ProblemType.INTERNAL,
          "503", ProblemType.STORAGE_UNAVAILABLE);

  @Bean
  OpenAPI enrollmentOpenApi() {
    Components components = new Components().addSchemas("Problem", problemSchema());
    examples().forEach(components::addExamples);
    return new OpenAPI()
        .info(
            new Info()
                .title("教育入学一件事 — verification gateway")
                .version("v1")
                .description(
                    "The portal-facing API of Guangxi's 2024 one-stop school-enrollment service:"
                        + " verify a submission against the government sources, and follow the"
                        + " application's lifecycle (drafts, withdrawal, supplements, reviewers'"
                        + " decisions, result, rating). JSON in UTF-8; every error is an RFC 9457"
                        + " `application/problem+json` with a stable `type` under "
                        + ProblemType.BASE
                        + " and, for invalid input, `errors[]` naming every bad field at once."
                        + " Mutating calls may carry `Idempotency-Key`."))
        .tags(
            List.of(
                new Tag()
                    .name("verifications")
                    .description("One submission in, one verification report out"),
                new Tag().name("applications").description("我的办件: read, withdraw, result, rating"),
                new Tag().name("drafts").description("保存草稿, submit a draft, 再办一单"),
                new Tag().name("review").description("Reviewers' decisions (also on Kafka)"),
                new Tag().name("regions").description("The pilot areas and their policies")))
        .components(components);
  }

  /** Adds the common problem answers to every operation of {@code /api/**} that lacks them. */
  @Bean
  OpenApiCustomizer commonProblemAnswers() {
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .forEach(
              (path, item) -> {
                if (path.startsWith("/api/")) {
                  item.readOperations().forEach(OpenApiConfiguration::addCommonProblems);
                }
              });
    };
  }

  private static void addCommonProblems(Operation operation) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    for (Map.Entry<String, ProblemType> common :
        COMMON_PROBLEMS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      if (!responses.containsKey(common.getKey())) {
        responses.addApiResponse(common.getKey(), problem(common.getValue()));
      }
    }
  }

  private static ApiResponse problem(ProblemType type) {
    return new ApiResponse()
        .description(type.title() + " (`" + type.type() + "`)")
        .content(
            new Content()
                .addMediaType(
                    ApiDocs.PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref(ApiDocs.PROBLEM))));
  }

  @SuppressWarnings("rawtypes")
  private static Schema problemSchema() {
    ObjectSchema fieldError = new ObjectSchema();
    fieldError.addProperty("field", new StringSchema().example("student.idNumber"));
    fieldError.addProperty("code", new StringSchema().example("ID_CHECK_CHARACTER"));
    fieldError.addProperty(
        "message", new StringSchema().example("student.idNumber has a wrong check character"));
    Schema problem =
        new ObjectSchema()
            .description(
                "RFC 9457 problem details. Some types carry more members: duplicate-application"
                    + " `existingReference` and `existingChannel`; status-conflict"
                    + " `currentStatus` and `currentStatusLabel`; internal-error `incidentId`.")
            .addProperty(
                "type",
                new StringSchema()
                    .format("uri")
                    .example(ProblemType.INVALID_SUBMISSION.type().toString())
                    ._enum(
                        Arrays.stream(ProblemType.values()).map(t -> t.type().toString()).toList()))
            .addProperty("title", new StringSchema())
            .addProperty("status", new IntegerSchema())
            .addProperty("detail", new StringSchema())
            .addProperty("instance", new StringSchema().format("uri-reference"))
            .addProperty(
                "errors",
                new ArraySchema()
                    .items(fieldError)
                    .description("Every bad field at once (invalid-submission, invalid-request)"));
    problem.setRequired(List.of("type", "title", "status"));
    problem.setAdditionalProperties(Boolean.TRUE);
    return problem;
  }

  /** Every {@code openapi/examples/*.json}, named after its file, its value the parsed JSON. */
  static Map<String, Example> examples() {
    JsonMapper json = JsonMapper.builder().build();
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources(EXAMPLES_LOCATION);
      Arrays.sort(files, Comparator.comparing(Resource::getFilename));
      Map<String, Example> examples = new java.util.LinkedHashMap<>();
      for (Resource file : files) {
        String name = file.getFilename().replaceFirst("\\.json$", "");
        try (InputStream in = file.getInputStream()) {
          JsonNode value = json.readTree(in);
          examples.put(
              name,
              new Example()
                  .summary(name.replace('-', ' '))
                  .value(json.convertValue(value, Object.class)));
        }
      }
      return examples;
    } catch (IOException e) {
      throw new UncheckedIOException("the OpenAPI examples cannot be read", e);
    }
  }
}
