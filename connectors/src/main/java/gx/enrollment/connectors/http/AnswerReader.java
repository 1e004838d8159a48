package gx.enrollment.connectors.http;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.resilience.BadResponseException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a source's JSON answer strictly: a required field that is missing, {@code null} or of the
 * wrong type, or a value the contract does not list, is a {@link BadResponseException} naming the
 * field — never a guess. Optional fields may be absent or {@code null}, but if present must be
 * well-formed.
 */
public final class AnswerReader {

  private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

  private final Source source;
  private final JsonNode node;
  private final String path;

  private AnswerReader(Source source, JsonNode node, String path) {
    this.source = source;
    this.node = node;
    this.path = path;
  }

  /** A reader of the whole body. */
  public static AnswerReader of(Source source, JsonNode body) {
    return new AnswerReader(source, body, "");
  }

  /** A reader of the required object field {@code name}. */
  public AnswerReader object(String name) {
    JsonNode value = required(name);
    if (!value.isObject()) {
      throw BadResponseException.wrongType(source, field(name), "an object");
    }
    return new AnswerReader(source, value, field(name) + ".");
  }

  /** The required string field {@code name}. */
  public String string(String name) {
    JsonNode value = required(name);
    if (!value.isString()) {
      throw BadResponseException.wrongType(source, field(name), "a string");
    }
    return value.stringValue();
  }

  /** The optional string field {@code name}. */
  public Optional<String> optionalString(String name) {
    return present(name).isPresent() ? Optional.of(string(name)) : Optional.empty();
  }

  /**
   * The required field {@code name}, one of the constants of {@code values} by name.
   *
   * @throws BadResponseException also for a string the contract does not list (a future status)
   */
  public <E extends Enum<E>> E oneOf(String name, Class<E> values) {
    String value = string(name);
    for (E candidate : values.getEnumConstants()) {
      if (candidate.name().equals(value)) {
        return candidate;
      }
    }
    throw BadResponseException.undocumentedValue(source, field(name), value);
  }

  /** The required 6-digit region code field {@code name}. */
  public String regionCode(String name) {
    String value = string(name);
    if (!REGION_CODE.matcher(value).matches()) {
      throw BadResponseException.wrongType(source, field(name), "a 6-digit region code");
    }
    return value;
  }

  public Optional<String> optionalRegionCode(String name) {
    return present(name).isPresent() ? Optional.of(regionCode(name)) : Optional.empty();
  }

  /** The optional ISO date ({@code 2027-05-31}) field {@code name}. */
  public Optional<LocalDate> optionalDate(String name) {
    return optionalString(name).map(value -> parse(name, value, LocalDate::parse, "a date"));
  }

  /** The optional ISO year-month ({@code 2024-05}) field {@code name}. */
  public Optional<YearMonth> optionalYearMonth(String name) {
    return optionalString(name).map(value -> parse(name, value, YearMonth::parse, "a year-month"));
  }

  /** The required non-negative integer field {@code name}. */
  public int count(String name) {
    JsonNode value = required(name);
    if (!value.isInt() || value.intValue() < 0) {
      throw BadResponseException.wrongType(source, field(name), "a non-negative integer");
    }
    return value.intValue();
  }

  /** The optional non-negative integer field {@code name}. */
  public Optional<Integer> optionalCount(String name) {
    return present(name).isPresent() ? Optional.of(count(name)) : Optional.empty();
  }

  /** The optional boolean field {@code name}. */
  public Optional<Boolean> optionalBoolean(String name) {
    Optional<JsonNode> value = present(name);
    if (value.isPresent() && !value.get().isBoolean()) {
      throw BadResponseException.wrongType(source, field(name), "a boolean");
    }
    return value.map(JsonNode::booleanValue);
  }

  private JsonNode required(String name) {
    return present(name).orElseThrow(() -> BadResponseException.missingField(source, field(name)));
  }

  private Optional<JsonNode> present(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  private <T> T parse(String name, String value, Parser<T> parser, String expected) {
    try {
      return parser.parse(value);
    } catch (DateTimeParseException e) {
      throw BadResponseException.wrongType(source, field(name), expected);
    }
  }

  private String field(String name) {
    return path + name;
  }

  @FunctionalInterface
  private interface Parser<T> {
    T parse(String value);
  }
}
