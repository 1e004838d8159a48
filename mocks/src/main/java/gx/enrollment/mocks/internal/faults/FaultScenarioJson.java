package gx.enrollment.mocks.internal.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gx.enrollment.mocks.FaultScenario;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The admin API's JSON for a fault: {@code {"type":"LATENCY","millis":800}}, {@code
 * {"type":"TOO_MANY_REQUESTS","retryAfterSeconds":2}}, {@code {"type":"FLAKY","failures":2}},
 * {@code {"type":"HANG"}} (optionally with {@code millis}), or just the type for the others.
 */
final class FaultScenarioJson {

  private FaultScenarioJson() {}

  /**
   * The fault this JSON describes.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static FaultScenario read(JsonNode json) {
    if (!json.isObject() || !json.path("type").isTextual()) {
      throw new IllegalArgumentException(
          "expected {\"type\": one of " + Arrays.toString(FaultScenario.Type.values()) + "}");
    }
    FaultScenario.Type type;
    try {
      type = FaultScenario.Type.valueOf(json.get("type").asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown fault type; expected one of " + Arrays.toString(FaultScenario.Type.values()));
    }
    return switch (type) {
      case NONE -> FaultScenario.none();
      case LATENCY -> FaultScenario.latency(Duration.ofMillis(requiredInt(json, "millis")));
      case HANG ->
          json.has("millis")
              ? FaultScenario.hang(Duration.ofMillis(requiredInt(json, "millis")))
              : FaultScenario.hang();
      case SERVICE_UNAVAILABLE -> FaultScenario.serviceUnavailable();
      case TOO_MANY_REQUESTS ->
          FaultScenario.tooManyRequests(
              json.has("retryAfterSeconds") ? requiredInt(json, "retryAfterSeconds") : 1);
      case CONNECTION_RESET -> FaultScenario.connectionReset();
      case MALFORMED_BODY -> FaultScenario.malformedBody();
      case UNDOCUMENTED_STATUS -> FaultScenario.undocumentedStatus();
      case MISSING_FIELD -> FaultScenario.missingField();
      case FLAKY -> FaultScenario.flaky(json.has("failures") ? requiredInt(json, "failures") : 1);
    };
  }

  static ObjectNode write(ObjectMapper mapper, FaultScenario scenario) {
    ObjectNode json = mapper.createObjectNode().put("type", scenario.type().name());
    switch (scenario.type()) {
      case LATENCY, HANG -> json.put("millis", scenario.delay().toMillis());
      case TOO_MANY_REQUESTS -> json.put("retryAfterSeconds", scenario.retryAfterSeconds());
      case FLAKY -> json.put("failures", scenario.failures());
      default -> {}
    }
    return json.put("description", scenario.describe());
  }

  private static int requiredInt(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException(field + " must be a whole number");
    }
    return value.asInt();
  }
}
