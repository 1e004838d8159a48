package gx.enrollment.mocks.internal.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gx.enrollment.mocks.SentSms;
import gx.enrollment.mocks.population.Masking;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /sms/v1/messages}: {@code 202 {"messageId"}} and the message kept in the {@link
 * SmsOutbox}. Every request is a new message: the caller deduplicates. The contract gives SMS no
 * {@code status}, so the distorted answers are {@code 200 {"status":"SUSPENDED"}} and {@code 202
 * {}}; neither delivers the message.
 */
public final class SmsResponder implements SourceResponder {

  private static final Logger log = LoggerFactory.getLogger(SmsResponder.class);
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern TEMPLATE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  private final SmsOutbox outbox;
  private final Clock clock;
  private final AtomicLong serial = new AtomicLong();

  public SmsResponder(SmsOutbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public Answer answer(JsonNode request, String requestId, Variant variant) {
    String phone = JsonFields.text(request, "phone", "phone");
    if (!MOBILE.matcher(phone).matches()) {
      throw RequestRejected.invalidField("phone", "must be an 11-digit mainland mobile number");
    }
    String template = JsonFields.text(request, "template", "template");
    if (!TEMPLATE.matcher(template).matches()) {
      throw RequestRejected.invalidField("template", "must be an upper-case template name");
    }
    Map<String, String> params = params(request);

    ObjectNode answer = JsonFields.MAPPER.createObjectNode();
    switch (variant) {
      case UNDOCUMENTED_STATUS -> {
        answer.put("status", Variant.UNDOCUMENTED);
        return Answer.ok(answer);
      }
      case MISSING_FIELD -> {
        return new Answer(202, answer);
      }
      default -> {
        String messageId = String.format("SMS%012d", serial.incrementAndGet());
        outbox.add(new SentSms(messageId, phone, template, params, requestId, clock.instant()));
        log.info(
            "message {} accepted for {} (template {})", messageId, Masking.phone(phone), template);
        answer.put("messageId", messageId);
        return new Answer(202, answer);
      }
    }
  }

  private static Map<String, String> params(JsonNode request) {
    JsonNode node = request.get("params");
    Map<String, String> params = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return params;
    }
    if (!node.isObject()) {
      throw RequestRejected.invalidField("params", "must be an object");
    }
    for (Map.Entry<String, JsonNode> param : node.properties()) {
      if (!param.getValue().isValueNode() || param.getValue().isNull()) {
        throw RequestRejected.invalidField("params." + param.getKey(), "must be a string");
      }
      params.put(param.getKey(), param.getValue().asText());
    }
    return params;
  }
}
