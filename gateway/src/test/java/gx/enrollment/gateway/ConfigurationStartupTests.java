package gx.enrollment.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gx.enrollment.connectors.settings.SourcesProperties;
import gx.enrollment.gateway.policy.RegionDirectory;
import gx.enrollment.gateway.support.EmbeddedInfrastructure;
import gx.enrollment.gateway.support.TestRegions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The gateway reads {@code config/} at start: it refuses to start on a bad file, naming the key,
 * and takes overrides the usual Spring ways (command line, environment variables).
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationStartupTests {

  @Test
  void refuses_to_start_on_a_connector_file_without_a_base_url_naming_the_key(
      @TempDir Path dir, CapturedOutput output) throws IOException {
    copyConfig(dir, "connectors.yml", "    base-url: http://localhost:9101", "    nothing: here");

    assertThatThrownBy(() -> start(dir, Map.of())).isNotNull();
    assertThat(output).contains("Property: sources.household.baseUrl").contains("must not be null");
  }

  @Test
  void refuses_to_start_on_a_negative_threshold_naming_the_key(
      @TempDir Path dir, CapturedOutput output) throws IOException {
    copyConfig(
        dir,
        "connectors.yml",
        "      failure-rate-threshold: 50             # % of failed calls in the window that opens it\n"
            + "      slow-call-rate-threshold: 80           # % of slow calls in the window that opens it\n"
            + "      slow-call-duration: 1s                 # a call slower than this counts as slow\n"
            + "      sliding-window-size: 20                # rates are computed over the last N calls\n"
            + "      minimum-number-of-calls: 10            # no rate before this many calls\n"
            + "      wait-duration-in-open-state: 10s       # how long it refuses every call once open\n"
            + "      permitted-calls-in-half-open-state: 3  # probe calls that decide whether it closes again\n"
            + "    retry:\n"
            + "      max-attempts: 3",
        "      failure-rate-threshold: -5\n"
            + "      slow-call-rate-threshold: 80\n"
            + "      slow-call-duration: 1s\n"
            + "      sliding-window-size: 20\n"
            + "      minimum-number-of-calls: 10\n"
            + "      wait-duration-in-open-state: 10s\n"
            + "      permitted-calls-in-half-open-state: 3\n"
            + "    retry:\n"
            + "      max-attempts: 3");

    assertThatThrownBy(() -> start(dir, Map.of())).isNotNull();
    assertThat(output)
        .contains("Property: sources.household.circuitBreaker.failureRateThreshold")
        .contains("Value: \"-5\"");
  }

  @Test
  void refuses_to_start_on_a_regions_file_with_an_excluded_area_listed(@TempDir Path dir)
      throws IOException {
    copyConfig(dir, "regions.yml", "code: \"450722\"", "code: \"451302\"");

    assertThatThrownBy(() -> start(dir, Map.of()))
        .hasStackTraceContaining(
            "enrollment.regions.areas[4].code: 451302 is also listed as excluded");
  }

  @Test
  void refuses_to_start_on_a_client_whose_key_hash_is_not_sha256_naming_the_key(@TempDir Path dir)
      throws IOException {
    copyConfig(
        dir,
        "clients.yml",
        "api-key-sha256: 3a29b96a166ff8cfe802e2b455ddaa234432ec95f87affdc9b0818fd44bb4989",
        "api-key-sha256: not-a-hash");

    assertThatThrownBy(() -> start(dir, Map.of()))
        .hasStackTraceContaining(
            "enrollment.edge.clients.demo-offline.api-key-sha256: not a SHA-256 in hex");
  }

  @Test
  void refuses_to_start_on_a_client_outside_any_area_code_naming_the_key(@TempDir Path dir)
      throws IOException {
    copyConfig(
        dir, "clients.yml", "regions: [\"451321\", \"451322\"", "regions: [\"Laibin\", \"451322\"");

    assertThatThrownBy(() -> start(dir, Map.of()))
        .hasStackTraceContaining(
            "enrollment.edge.clients.demo-offline.regions[0]: Laibin is not a six-digit area code");
  }

  @Test
  void refuses_to_start_on_an_operation_without_roles_naming_the_key(@TempDir Path dir)
      throws IOException {
    copyConfig(
        dir,
        "routes.yml",
        "path: /api/v1/regions, roles: [PORTAL, OFFLINE_POINT, REVIEWER] }",
        "path: /api/v1/regions }");

    assertThatThrownBy(() -> start(dir, Map.of()))
        .hasStackTraceContaining("enrollment.edge.operations[1]: an operation is either open");
  }

  @Test
  void refuses_to_start_without_the_files() {
    assertThatThrownBy(() -> start(Path.of("/nonexistent-config"), Map.of()))
        .hasStackTraceContaining("/nonexistent-config/")
        .isInstanceOf(
            org.springframework.boot.context.config.ConfigDataResourceNotFoundException.class);
  }

  @Test
  void takes_a_connector_setting_from_an_environment_variable(@TempDir Path dir)
      throws IOException {
    copyConfig(dir, "connectors.yml", "", "");

    try (ConfigurableApplicationContext context =
        start(dir, Map.of("SOURCES_HOUSEHOLD_BASE_URL", "https://hukou.example:8443"))) {
      SourcesProperties sources = context.getBean(SourcesProperties.class);

      assertThat(sources.household().baseUrl()).isEqualTo(URI.create("https://hukou.example:8443"));
      assertThat(sources.realEstate().baseUrl()).isEqualTo(URI.create("http://localhost:9104"));
      assertThat(context.getBean(RegionDirectory.class).areas()).hasSize(18);
    }
  }

  private static ConfigurableApplicationContext start(Path configDir, Map<String, Object> env) {
    StandardEnvironment environment = new StandardEnvironment();
    Map<String, Object> overrides =
        new java.util.HashMap<>(EmbeddedInfrastructure.properties("startup"));
    overrides.put("enrollment.config-dir", configDir.toString());
    overrides.put("server.port", "0");
    overrides.put("enrollment.verification.recovery.enabled", "false");
    overrides.put("enrollment.events.relay.enabled", "false");
    environment.getPropertySources().addFirst(new MapPropertySource("test-overrides", overrides));
    environment
        .getPropertySources()
        .addAfter(
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource("test-environment", env));
    return new SpringApplicationBuilder(EnrollmentGatewayApplication.class)
        .environment(environment)
        .run();
  }

  /**
   * Copies the files of {@code config/} into {@code dir}, changing {@code from} in {@code name}.
   */
  private static void copyConfig(Path dir, String name, String from, String to) throws IOException {
    for (String file :
        new String[] {"connectors.yml", "regions.yml", "clients.yml", "routes.yml"}) {
      String text = Files.readString(TestRegions.configDir().resolve(file));
      if (file.equals(name) && !from.isEmpty()) {
        assertThat(text).contains(from);
        text = text.replaceFirst(Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
      }
      Files.writeString(dir.resolve(file), text);
    }
  }
}
