package gx.enrollment.mocks.internal.faults;

import static com.github.tomakehurst.wiremock.http.RequestMethod.DELETE;
import static com.github.tomakehurst.wiremock.http.RequestMethod.GET;
import static com.github.tomakehurst.wiremock.http.RequestMethod.POST;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import gx.enrollment.mocks.FaultScenario;
import gx.enrollment.mocks.SentSms;
import gx.enrollment.mocks.Upstream;
import gx.enrollment.mocks.internal.http.RequestCounters;
import gx.enrollment.mocks.internal.sources.SmsOutbox;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The stub's own admin routes, next to WireMock's under {@code /__admin}:
 *
 * <ul>
 *   <li>{@code GET|POST|DELETE /__admin/ext/fault} — read, switch, clear this upstream's fault;
 *   <li>{@code GET|DELETE /__admin/ext/counters} — request counts and peak concurrency (across all
 *       five stubs), or reset them;
 *   <li>{@code GET|DELETE /__admin/ext/sms/messages} — on the SMS stub only: the accepted messages.
 * </ul>
 */
public final class StubAdminApi implements AdminApiExtension {

  public static final String FAULT_PATH = "/ext/fault";
  public static final String COUNTERS_PATH = "/ext/counters";
  public static final String SMS_PATH = "/ext/sms/messages";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Upstream upstream;
  private final FaultSwitch faults;
  private final RequestCounters counters;
  private final @Nullable SmsOutbox outbox;

  public StubAdminApi(
      Upstream upstream, FaultSwitch faults, RequestCounters counters, @Nullable SmsOutbox outbox) {
    this.upstream = upstream;
    this.faults = faults;
    this.counters = counters;
    this.outbox = outbox;
  }

  @Override
  public String getName() {
    return "enrollment-stub-admin";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(GET, FAULT_PATH, (admin, event, params) -> currentFault());
    router.add(POST, FAULT_PATH, (admin, event, params) -> switchFault(admin, event));
    router.add(
        DELETE,
        FAULT_PATH,
        (admin, event, params) -> {
          faults.apply(admin, FaultScenario.none());
          return currentFault();
        });
    router.add(GET, COUNTERS_PATH, (admin, event, params) -> counters());
    router.add(
        DELETE,
        COUNTERS_PATH,
        (admin, event, params) -> {
          counters.reset();
          return counters();
        });
    SmsOutbox messages = outbox;
    if (messages != null) {
      router.add(GET, SMS_PATH, (admin, event, params) -> messages(messages));
      router.add(
          DELETE,
          SMS_PATH,
          (admin, event, params) -> {
            messages.clear();
            return messages(messages);
          });
    }
  }

  private ResponseDefinition switchFault(Admin admin, ServeEvent event) {
    try {
      JsonNode body = MAPPER.readTree(event.getRequest().getBodyAsString());
      faults.apply(admin, FaultScenarioJson.read(body == null ? MAPPER.nullNode() : body));
      return currentFault();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String message =
          e instanceof JsonProcessingException ? "body is not valid JSON" : e.getMessage();
      return json(
          400, MAPPER.createObjectNode().put("code", "INVALID_FAULT").put("message", message));
    }
  }

  private ResponseDefinition currentFault() {
    ObjectNode body = MAPPER.createObjectNode().put("upstream", upstream.name());
    body.set("fault", FaultScenarioJson.write(MAPPER, faults.current()));
    return json(200, body);
  }

  private ResponseDefinition counters() {
    return json(
        200,
        MAPPER
            .createObjectNode()
            .put("upstream", upstream.name())
            .put("requestCount", counters.received(upstream))
            .put("inFlight", counters.inFlight())
            .put("peakConcurrentRequests", counters.peakInFlight()));
  }

  private static ResponseDefinition messages(SmsOutbox outbox) {
    ArrayNode list = MAPPER.createArrayNode();
    for (SentSms sms : outbox.messages()) {
      ObjectNode item =
          list.addObject()
              .put("messageId", sms.messageId())
              .put("phone", sms.phone())
              .put("template", sms.template())
              .put("requestId", sms.requestId())
              .put("acceptedAt", sms.acceptedAt().toString());
      ObjectNode params = item.putObject("params");
      sms.params().forEach(params::put);
    }
    ObjectNode body = MAPPER.createObjectNode();
    body.set("messages", list);
    return json(200, body);
  }

  private static ResponseDefinition json(int status, JsonNode body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody(body.toString().getBytes(StandardCharsets.UTF_8))
        .build();
  }
}
