package gx.enrollment.mocks.internal.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gx.enrollment.mocks.population.ResidentIdNumber;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a request body the way a strict source does: malformed JSON, a missing field or a value of
 * the wrong shape is a {@code 400} naming the field.
 */
final class JsonFields {

  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

  private JsonFields() {}

  /** The body as a JSON object. */
  static JsonNode parse(byte[] body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw RequestRejected.badRequest("MALFORMED_JSON", "request body is not valid JSON");
    } catch (IOException e) {
      throw RequestRejected.badRequest("MALFORMED_JSON", "request body could not be read");
    }
    if (node == null || !node.isObject()) {
      throw RequestRejected.badRequest("MALFORMED_JSON", "request body must be a JSON object");
    }
    return node;
  }

  static JsonNode object(JsonNode parent, String field, String path) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      throw RequestRejected.invalidField(path, "is required");
    }
    if (!value.isObject()) {
      throw RequestRejected.invalidField(path, "must be an object");
    }
    return value;
  }

  static String text(JsonNode parent, String field, String path) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      throw RequestRejected.invalidField(path, "is required");
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw RequestRejected.invalidField(path, "must be a non-blank string");
    }
    return value.asText().strip();
  }

  static String idNumber(JsonNode parent, String field, String path) {
    String value = text(parent, field, path);
    if (!ResidentIdNumber.hasShape(value)) {
      throw RequestRejected.invalidField(path, "must be 17 digits and a check character 0-9 or X");
    }
    return value;
  }

  static String name(JsonNode parent, String field, String path) {
    String value = text(parent, field, path);
    int length = value.codePointCount(0, value.length());
    if (length < 2 || length > 20) {
      throw RequestRejected.invalidField(path, "must be 2 to 20 characters");
    }
    return value;
  }

  static String regionCode(JsonNode parent, String field, String path) {
    String value = text(parent, field, path);
    if (!REGION_CODE.matcher(value).matches()) {
      throw RequestRejected.invalidField(path, "must be a 6-digit GB/T 2260 code");
    }
    return value;
  }

  static String oneOf(JsonNode parent, String field, String path, Set<String> allowed) {
    String value = text(parent, field, path);
    if (!allowed.contains(value)) {
      throw RequestRejected.invalidField(path, "must be one of " + allowed);
    }
    return value;
  }
}
