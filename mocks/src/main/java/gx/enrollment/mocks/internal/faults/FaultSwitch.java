package gx.enrollment.mocks.internal.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import gx.enrollment.mocks.FaultScenario;
import gx.enrollment.mocks.Upstream;
import gx.enrollment.mocks.internal.sources.ErrorResponses;
import gx.enrollment.mocks.internal.sources.OperationMappings;
import gx.enrollment.mocks.internal.sources.SourceAnswerTransformer;
import gx.enrollment.mocks.internal.sources.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current fault of one upstream, installed as stub mappings that take precedence over the
 * operation's normal mapping and removed again when the fault changes.
 */
public final class FaultSwitch {

  private static final Logger log = LoggerFactory.getLogger(FaultSwitch.class);
  private static final int FAULT_PRIORITY = OperationMappings.NORMAL_PRIORITY - 9;
  private static final String MALFORMED_BODY =
      "<html><body><h1>502 Bad Gateway</h1>upstream sent an invalid response</body></html>";

  private final Upstream upstream;
  private final List<UUID> installed = new ArrayList<>();
  private final AtomicInteger flakyRuns = new AtomicInteger();
  private FaultScenario current = FaultScenario.none();

  public FaultSwitch(Upstream upstream) {
    this.upstream = upstream;
  }

  /** Replaces the current fault with this one on the given server. */
  public synchronized void apply(Admin admin, FaultScenario scenario) {
    installed.forEach(admin::removeStubMapping);
    installed.clear();
    for (StubMapping mapping : mappingsFor(scenario)) {
      admin.addStubMapping(mapping);
      installed.add(mapping.getId());
    }
    current = scenario;
    log.info("{} stub fault: {}", upstream, scenario.describe());
  }

  public synchronized FaultScenario current() {
    return current;
  }

  private List<StubMapping> mappingsFor(FaultScenario scenario) {
    return switch (scenario.type()) {
      case NONE -> List.of();
      case LATENCY, HANG ->
          List.of(fault(answered().withFixedDelay(Math.toIntExact(scenario.delay().toMillis()))));
      case SERVICE_UNAVAILABLE -> List.of(fault(serviceUnavailable()));
      case TOO_MANY_REQUESTS ->
          List.of(
              fault(
                  ErrorResponses.error(429, "TOO_MANY_REQUESTS", "rate limit exceeded")
                      .withHeader("Retry-After", String.valueOf(scenario.retryAfterSeconds()))));
      case CONNECTION_RESET ->
          List.of(fault(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      case MALFORMED_BODY ->
          List.of(
              fault(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json;charset=UTF-8")
                      .withBody(MALFORMED_BODY)));
      case UNDOCUMENTED_STATUS -> List.of(fault(distorted(Variant.UNDOCUMENTED_STATUS)));
      case MISSING_FIELD -> List.of(fault(distorted(Variant.MISSING_FIELD)));
      case FLAKY -> flaky(scenario.failures());
    };
  }

  /** {@code failures} mappings chained by scenario states; after the last, the normal mapping. */
  private List<StubMapping> flaky(int failures) {
    String name = upstream.slug() + "-flaky-" + flakyRuns.incrementAndGet();
    List<StubMapping> mappings = new ArrayList<>();
    for (int i = 1; i <= failures; i++) {
      mappings.add(
          operation()
              .inScenario(name)
              .whenScenarioStateIs(i == 1 ? Scenario.STARTED : "failed-" + (i - 1))
              .willSetStateTo("failed-" + i)
              .willReturn(serviceUnavailable())
              .build());
    }
    return mappings;
  }

  private StubMapping fault(ResponseDefinitionBuilder response) {
    return operation().willReturn(response).build();
  }

  private MappingBuilder operation() {
    return post(urlPathEqualTo(upstream.path())).atPriority(FAULT_PRIORITY);
  }

  private static ResponseDefinitionBuilder answered() {
    return aResponse().withTransformers(SourceAnswerTransformer.NAME);
  }

  private static ResponseDefinitionBuilder distorted(Variant variant) {
    return answered().withTransformerParameter(SourceAnswerTransformer.VARIANT, variant.name());
  }

  private static ResponseDefinitionBuilder serviceUnavailable() {
    return ErrorResponses.error(
        503, "SERVICE_UNAVAILABLE", "the source is temporarily unavailable");
  }
}
