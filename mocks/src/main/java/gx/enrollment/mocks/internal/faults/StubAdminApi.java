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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The stub's own admin routes, next to WireMock's under {@code /__admin}:
 *
 * <ul>
 *   <li>{@code GET|POST|DELETE /__admin/ext/fault} — read, switch, clear this upstream's fault;
 *   <li>{@code GET|DELETE /__admin/ext/faults}, {@code POST|DELETE /__admin/ext/faults/{upstream}}
 *       — the faults of every upstream, from any stub: read all, clear all, switch or clear one;
 *   <li>{@code GET /__admin/ext/console} — a page for testers over those routes;
 *   <li>{@code GET|DELETE /__admin/ext/counters} — request counts and peak concurrency (across all
 *       five stubs), or reset them;
 *   <li>{@code GET|DELETE /__admin/ext/sms/messages} — on the SMS stub only: the accepted messages.
 * </ul>
 */
public final class StubAdminApi implements AdminApiExtension {

  public static final String FAULT_PATH = "/ext/fault";
  public static final String COUNTERS_PATH = "/ext/counters";
  public static final String SMS_PATH = "/ext/sms/messages";
  public static final String FAULTS_PATH = "/ext/faults";
  public static final String CONSOLE_PATH = "/ext/console";
  private static final String CONSOLE_PAGE = "/gx/enrollment/mocks/stub-console.html";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Upstream upstream;
  private final FaultSwitch faults;
  private final RequestCounters counters;
  private final @Nullable SmsOutbox outbox;
  private final FaultBoard board;
  private final byte[] console;

  public StubAdminApi(
      Upstream upstream,
      FaultSwitch faults,
      RequestCounters counters,
      @Nullable SmsOutbox outbox,
      FaultBoard board) {
    this.upstream = upstream;
    this.faults = faults;
    this.counters = counters;
    this.outbox = outbox;
    this.board = board;
    this.console = readConsolePage();
  }

  private static byte[] readConsolePage() {
    try (InputStream page = StubAdminApi.class.getResourceAsStream(CONSOLE_PAGE)) {
      if (page == null) {
        throw new IllegalStateException(CONSOLE_PAGE + " is missing from the classpath");
      }
      return page.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    router.add(GET, FAULTS_PATH, (admin, event, params) -> allFaults());
    router.add(
        DELETE,
        FAULTS_PATH,
        (admin, event, params) -> {
          for (Upstream each : board.upstreams()) {
            board.apply(each, FaultScenario.none());
          }
          return allFaults();
        });
    router.add(
        POST,
        FAULTS_PATH + "/{upstream}",
        (admin, event, params) -> switchFaultOf(params.get("upstream"), event));
    router.add(
        DELETE,
        FAULTS_PATH + "/{upstream}",
        (admin, event, params) -> clearFaultOf(params.get("upstream")));
    router.add(
        GET,
        CONSOLE_PATH,
        (admin, event, params) ->
            ResponseDefinitionBuilder.responseDefinition()
                .withStatus(200)
                .withHeader("Content-Type", "text/html;charset=UTF-8")
                .withHeader("Cache-Control", "no-store")
                .withBody(console)
                .build());
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

  private ResponseDefinition switchFaultOf(String name, ServeEvent event) {
    Upstream target = board.find(name).orElse(null);
    if (target == null) {
      return unknownUpstream(name);
    }
    try {
      JsonNode body = MAPPER.readTree(event.getRequest().getBodyAsString());
      board.apply(target, FaultScenarioJson.read(body == null ? MAPPER.nullNode() : body));
      return json(200, faultOf(target));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String message =
          e instanceof JsonProcessingException ? "body is not valid JSON" : e.getMessage();
      return json(
          400, MAPPER.createObjectNode().put("code", "INVALID_FAULT").put("message", message));
    }
  }

  private ResponseDefinition clearFaultOf(String name) {
    Upstream target = board.find(name).orElse(null);
    if (target == null) {
      return unknownUpstream(name);
    }
    board.apply(target, FaultScenario.none());
    return json(200, faultOf(target));
  }

  private ResponseDefinition unknownUpstream(String name) {
    return json(
        404,
        MAPPER
            .createObjectNode()
            .put("code", "UNKNOWN_UPSTREAM")
            .put(
                "message",
                "unknown upstream '"
                    + name
                    + "'; expected one of "
                    + java.util.Arrays.toString(Upstream.values())));
  }

  private ResponseDefinition allFaults() {
    ObjectNode body = MAPPER.createObjectNode();
    ArrayNode list = body.putArray("faults");
    for (Upstream each : board.upstreams()) {
      list.add(faultOf(each));
    }
    ArrayNode types = body.putArray("types");
    for (FaultScenario.Type type : FaultScenario.Type.values()) {
      types.add(type.name());
    }
    return json(200, body);
  }

  private ObjectNode faultOf(Upstream target) {
    ObjectNode item =
        MAPPER.createObjectNode().put("upstream", target.name()).put("port", board.port(target));
    item.set("fault", FaultScenarioJson.write(MAPPER, board.current(target)));
    return item;
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
