package gx.enrollment.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.connectors.resilience.ResilienceStack;
import gx.enrollment.gateway.support.EmbeddedInfrastructure;
import gx.enrollment.gateway.support.Families;
import gx.enrollment.gateway.support.GatewayInstance;
import gx.enrollment.gateway.support.SharedStubs;
import gx.enrollment.gateway.support.TestRegions;
import gx.enrollment.mocks.FaultScenario;
import gx.enrollment.mocks.GovernmentStubs;
import gx.enrollment.mocks.Upstream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A whole gateway over a copy of {@code config/} in a folder of its own, edited while it runs: a
 * valid edit is in force for the next call, only for the source it changed; a broken edit is
 * refused, shown on {@code GET /api/v1/ops/configuration} naming the file and the key, and calls go
 * on with the last good settings.
 */
class ConfigurationReloadTests {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  private static final List<String> FILES =
      List.of("connectors.yml", "regions.yml", "clients.yml", "routes.yml");

  @TempDir static Path dir;

  private static final GovernmentStubs stubs = SharedStubs.get();
  private static GatewayInstance gateway;
  private static WebTestClient client;

  @BeforeAll
  static void start() throws IOException {
    copyTheConfiguration();
    Map<String, String> overrides = new HashMap<>();
    overrides.put("enrollment.config-dir", dir.toString());
    overrides.put("enrollment.config.reload.poll-interval", "200ms");
    overrides.put("enrollment.verification.deadline", "2s");
    overrides.put("enrollment.events.relay.enabled", "false");
    for (Source source : Source.values()) {
      // Faults of one test must not open a breaker for the next.
      overrides.put("sources." + source.key() + ".circuit-breaker.minimum-number-of-calls", "1000");
      overrides.put("sources." + source.key() + ".circuit-breaker.sliding-window-size", "1000");
    }
    gateway = GatewayInstance.start(EmbeddedInfrastructure.properties("reload"), stubs, overrides);
    client = gateway.client();
    // The first verification of a fresh instance pays for class loading and JIT out of its
    // attempt timeouts; the tests compare timeouts, so none of them is the first.
    verify("migrant-renter");
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    stubs.clearFaults();
  }

  @BeforeEach
  void restoreTheConfiguration() throws IOException {
    stubs.clearFaults();
    copyTheConfiguration();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> file("connectors.yml").get("sha256").equals(sha256("connectors.yml")));
  }

  @Test
  void a_shorter_attempt_timeout_written_to_the_file_is_used_by_the_next_call() throws IOException {
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.latency(Duration.ofMillis(400)));
    assertThat(household(verify("local-owner"))).containsEntry("status", "OK");
    SourceConnectors connectors = gateway.bean(SourceConnectors.class);
    Map<Source, ResilienceStack> before = stacks(connectors);

    edit("connectors.yml", "    attempt-timeout: 1s", "    attempt-timeout: 100ms");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "100ms".equals(householdSettings().get("attempt-timeout")));

    Map<String, Object> household = household(verify("migrant-owner"));
    assertThat(household).containsEntry("status", "UNAVAILABLE").containsEntry("reason", "TIMEOUT");
    // Only the household source was rebuilt: the others keep their stacks, breakers included.
    assertThat(connectors.resilience(Source.HOUSEHOLD)).isNotSameAs(before.get(Source.HOUSEHOLD));
    for (Source other :
        List.of(Source.RESIDENCE_PERMIT, Source.SOCIAL_SECURITY, Source.REAL_ESTATE)) {
      assertThat(connectors.resilience(other)).isSameAs(before.get(other));
      assertThat(connectors.circuitBreaker(other)).isSameAs(before.get(other).circuitBreaker());
    }
    // The override of the address still wins over the edited file's localhost:9101.
    assertThat(householdSettings())
        .containsEntry("base-url", stubs.baseUrl(Upstream.HOUSEHOLD))
        .containsEntry("token", SettingsView.mask(stubs.token(Upstream.HOUSEHOLD)));
    // The file's source was replaced where start-up put it, not added as a new one.
    ConfigurableEnvironment environment = gateway.bean(ConfigurableEnvironment.class);
    assertThat(environment.getPropertySources().stream().map(PropertySource::getName))
        .noneMatch(name -> name.contains("(reloaded)"));
  }

  @Test
  void a_file_that_is_not_yaml_is_refused_and_calls_go_on_with_the_last_good_settings()
      throws IOException {
    String loaded = (String) file("connectors.yml").get("sha256");
    edit("connectors.yml", "    attempt-timeout: 1s", "    attempt-timeout: [100ms");

    Map<String, Object> refused = awaitRefusal("connectors.yml");

    assertThat((String) refused.get("message"))
        .startsWith(dir.resolve("connectors.yml") + ": not valid YAML:")
        .containsPattern("line \\d+");
    assertThat(file("connectors.yml"))
        .containsEntry("sha256", loaded)
        .containsEntry("onDiskInForce", false);
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.latency(Duration.ofMillis(400)));
    assertThat(household(verify("junior-local"))).containsEntry("status", "OK");
    assertThat(householdSettings()).containsEntry("attempt-timeout", "1s");
  }

  @Test
  void an_invalid_value_is_refused_naming_the_key_and_nothing_of_the_edit_applies()
      throws IOException {
    // One write, both changes: the watcher must not see the first half on its own.
    edit(
        "connectors.yml",
        "    attempt-timeout: 1s",
        "    attempt-timeout: 100ms",
        "      failure-rate-threshold: 50 ",
        "      failure-rate-threshold: 150 ");

    Map<String, Object> refused = awaitRefusal("connectors.yml");

    assertThat(refused)
        .containsEntry("file", dir.resolve("connectors.yml").toString())
        .containsEntry("key", "sources.household.circuit-breaker.failure-rate-threshold");
    assertThat((String) refused.get("message"))
        .contains(
            "sources.household.circuit-breaker.failure-rate-threshold: must be less than or equal to 100");
    // The valid half of the edit (a shorter timeout) is not in force either.
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.latency(Duration.ofMillis(400)));
    assertThat(household(verify("local-simple"))).containsEntry("status", "OK");
    assertThat(householdSettings()).containsEntry("attempt-timeout", "1s");
  }

  @Test
  void a_client_added_to_clients_yml_is_let_in_without_a_restart() throws IOException {
    String key = "reload-test-key-" + System.nanoTime();
    assertThat(regionsStatus(key)).isEqualTo(401);

    edit(
        "clients.yml",
        "    clients:\n",
        "    clients:\n"
            + "      reload-portal:\n"
            + "        roles: [PORTAL]\n"
            + "        regions: [\"*\"]\n"
            + "        api-key-sha256: "
            + sha256Hex(key)
            + "\n");

    await().atMost(Duration.ofSeconds(20)).until(() -> regionsStatus(key) == 200);
  }

  private static int regionsStatus(String apiKey) {
    return client
        .get()
        .uri("/api/v1/regions")
        .header("X-Api-Key", apiKey)
        .exchange()
        .expectBody()
        .returnResult()
        .getStatus()
        .value();
  }

  private static String sha256Hex(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> verify(String familyKey) {
    return client
        .post()
        .uri("/api/v1/verifications")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Families.submission(stubs.population().family(familyKey), null))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(MAP)
        .returnResult()
        .getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> household(Map<String, Object> report) {
    return ((List<Map<String, Object>>) report.get("sources"))
        .stream()
            .filter(source -> "HOUSEHOLD".equals(source.get("source")))
            .findFirst()
            .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> file(String name) {
    Map<String, Object> configuration =
        client
            .get()
            .uri("/api/v1/ops/configuration")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(MAP)
            .returnResult()
            .getResponseBody();
    return ((List<Map<String, Object>>) configuration.get("files"))
        .stream()
            .filter(file -> dir.resolve(name).toString().equals(file.get("file")))
            .findFirst()
            .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> householdSettings() {
    Map<String, Object> settings = (Map<String, Object>) file("connectors.yml").get("settings");
    return (Map<String, Object>) ((Map<String, Object>) settings.get("sources")).get("household");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> awaitRefusal(String name) {
    String onDisk = sha256(name);
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> (Map<String, Object>) file(name).get("lastRefused"),
            refused -> refused != null && onDisk.equals(refused.get("sha256")));
  }

  private static Map<Source, ResilienceStack> stacks(SourceConnectors connectors) {
    Map<Source, ResilienceStack> stacks = new EnumMap<>(Source.class);
    for (Source source : Source.values()) {
      stacks.put(source, connectors.resilience(source));
    }
    return stacks;
  }

  private static void copyTheConfiguration() throws IOException {
    for (String name : FILES) {
      Path target = dir.resolve(name);
      String text = Files.readString(TestRegions.configDir().resolve(name));
      if (!Files.exists(target) || !Files.readString(target).equals(text)) {
        Files.writeString(target, text);
      }
    }
  }

  /** Replaces the first occurrence of each {@code from, to} pair, and writes the file once. */
  private static void edit(String name, String... fromTo) throws IOException {
    Path file = dir.resolve(name);
    String text = Files.readString(file);
    for (int i = 0; i < fromTo.length; i += 2) {
      assertThat(text).contains(fromTo[i]);
      text = text.replaceFirst(Pattern.quote(fromTo[i]), Matcher.quoteReplacement(fromTo[i + 1]));
    }
    Files.writeString(file, text);
  }

  private static String sha256(String name) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(Files.readAllBytes(dir.resolve(name))));
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
