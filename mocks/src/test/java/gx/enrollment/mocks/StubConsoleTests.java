package gx.enrollment.mocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gx.enrollment.mocks.population.Family;
import gx.enrollment.mocks.population.FamilyKeys;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Testers' control of the faults: from any stub, a page and an HTTP API read and switch the faults
 * of all five upstreams, and so does {@code bin/stub-fault}.
 */
class StubConsoleTests {

  private static GovernmentStubs stubs;
  private static StubClient client;

  @BeforeAll
  static void start() {
    stubs = GovernmentStubs.start();
    client = new StubClient(stubs);
  }

  @AfterAll
  static void stop() {
    stubs.close();
  }

  @AfterEach
  void clear() {
    stubs.clearFaults();
  }

  @Test
  void serves_the_faults_page_on_every_stub() {
    for (Upstream upstream : Upstream.values()) {
      HttpResponse<String> page = client.admin(upstream, "GET", "/ext/console", "");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(page.body())
          .contains("<title>Government stubs — faults</title>")
          .contains("/__admin/ext/faults")
          .contains("Clear every fault");
    }
  }

  @Test
  void reads_and_switches_every_upstreams_fault_from_any_stub() {
    JsonNode all =
        StubClient.body(client.admin(Upstream.SOCIAL_SECURITY, "GET", "/ext/faults", ""));
    assertThat(all.get("faults")).hasSize(Upstream.values().length);
    for (JsonNode item : all.get("faults")) {
      assertThat(item.at("/fault/type").asText()).isEqualTo("NONE");
      Upstream upstream = Upstream.valueOf(item.get("upstream").asText());
      assertThat(item.get("port").asInt()).isEqualTo(stubs.port(upstream));
    }
    assertThat(all.get("types").toString()).contains("SERVICE_UNAVAILABLE", "FLAKY");

    // Switched through the household stub, for the real-estate one.
    HttpResponse<String> switched =
        client.admin(
            Upstream.HOUSEHOLD,
            "POST",
            "/ext/faults/real-estate",
            "{\"type\":\"SERVICE_UNAVAILABLE\"}");
    assertThat(switched.statusCode()).isEqualTo(200);
    assertThat(StubClient.body(switched).get("upstream").asText()).isEqualTo("REAL_ESTATE");
    assertThat(stubs.currentFault(Upstream.REAL_ESTATE))
        .isEqualTo(FaultScenario.serviceUnavailable());

    JsonNode after = StubClient.body(client.admin(Upstream.SMS, "GET", "/ext/faults", ""));
    assertThat(faultType(after, "REAL_ESTATE")).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(faultType(after, "HOUSEHOLD")).isEqualTo("NONE");
    // The stub's own route agrees, and the stub answers accordingly.
    assertThat(
            StubClient.body(client.admin(Upstream.REAL_ESTATE, "GET", "/ext/fault", ""))
                .at("/fault/type")
                .asText())
        .isEqualTo("SERVICE_UNAVAILABLE");
    Family family = stubs.population().family(FamilyKeys.MIGRANT_OWNER);
    assertThat(client.post(Upstream.REAL_ESTATE, SourceRequests.realEstate(family)).statusCode())
        .isEqualTo(503);

    HttpResponse<String> latency =
        client.admin(
            Upstream.REAL_ESTATE,
            "POST",
            "/ext/faults/SOCIAL_SECURITY",
            "{\"type\":\"LATENCY\",\"millis\":300}");
    assertThat(StubClient.body(latency).at("/fault/millis").asInt()).isEqualTo(300);
    assertThat(stubs.currentFault(Upstream.SOCIAL_SECURITY))
        .isEqualTo(FaultScenario.latency(Duration.ofMillis(300)));

    client.admin(Upstream.HOUSEHOLD, "DELETE", "/ext/faults/REAL_ESTATE", "");
    assertThat(stubs.currentFault(Upstream.REAL_ESTATE)).isEqualTo(FaultScenario.none());
    assertThat(stubs.currentFault(Upstream.SOCIAL_SECURITY).type())
        .isEqualTo(FaultScenario.Type.LATENCY);

    JsonNode cleared =
        StubClient.body(client.admin(Upstream.HOUSEHOLD, "DELETE", "/ext/faults", ""));
    for (JsonNode item : cleared.get("faults")) {
      assertThat(item.at("/fault/type").asText()).isEqualTo("NONE");
    }
    assertThat(stubs.currentFault(Upstream.SOCIAL_SECURITY)).isEqualTo(FaultScenario.none());
  }

  @Test
  void refuses_an_unknown_upstream_or_fault_and_changes_nothing() {
    HttpResponse<String> unknown =
        client.admin(Upstream.HOUSEHOLD, "POST", "/ext/faults/NOWHERE", "{\"type\":\"HANG\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(StubClient.body(unknown).get("code").asText()).isEqualTo("UNKNOWN_UPSTREAM");

    HttpResponse<String> bad =
        client.admin(
            Upstream.HOUSEHOLD, "POST", "/ext/faults/HOUSEHOLD", "{\"type\":\"MELTDOWN\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(StubClient.body(bad).get("code").asText()).isEqualTo("INVALID_FAULT");
    assertThat(stubs.currentFault(Upstream.HOUSEHOLD)).isEqualTo(FaultScenario.none());
  }

  @Test
  void the_command_line_script_switches_lists_and_clears() throws Exception {
    String url = stubs.baseUrl(Upstream.RESIDENCE_PERMIT);

    Run set = run("--url", url, "set", "real-estate", "flaky", "2");
    assertThat(set.exit).as(set.output).isZero();
    assertThat(set.output).contains("REAL_ESTATE");
    assertThat(stubs.currentFault(Upstream.REAL_ESTATE)).isEqualTo(FaultScenario.flaky(2));

    Run list = run("--url", url, "list");
    assertThat(list.exit).as(list.output).isZero();
    assertThat(list.output.lines().filter(line -> line.startsWith("REAL_ESTATE")).findFirst())
        .hasValueSatisfying(
            line -> assertThat(line).contains(String.valueOf(stubs.port(Upstream.REAL_ESTATE))));
    assertThat(list.output.lines().count()).isEqualTo(Upstream.values().length);

    Run wrong = run("--url", url, "set", "REAL_ESTATE", "MELTDOWN");
    assertThat(wrong.exit).isNotZero();
    assertThat(wrong.output).contains("400");

    Run clear = run("--url", url, "clear");
    assertThat(clear.exit).as(clear.output).isZero();
    assertThat(stubs.currentFault(Upstream.REAL_ESTATE)).isEqualTo(FaultScenario.none());
  }

  private record Run(int exit, String output) {}

  private static Run run(String... arguments) throws IOException, InterruptedException {
    Path script = Path.of("bin", "stub-fault").toAbsolutePath();
    assertThat(Files.isExecutable(script)).as(script.toString()).isTrue();
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.exitValue(), output);
  }

  private static String faultType(JsonNode all, String upstream) {
    for (JsonNode item : all.get("faults")) {
      if (item.get("upstream").asText().equals(upstream)) {
        return item.at("/fault/type").asText();
      }
    }
    throw new AssertionError(upstream + " missing");
  }
}
