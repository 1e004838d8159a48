package gx.enrollment.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.connectors.settings.SourcesProperties;
import gx.enrollment.gateway.notify.SmsProperties;
import gx.enrollment.gateway.policy.RegionsProperties;
import gx.enrollment.gateway.support.TestRegions;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The reload machinery over an environment laid out like the gateway's ({@code config/} files
 * imported under environment variables), without starting the application.
 */
class ConfigurationFilesTests {

  @TempDir Path dir;

  private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
  private final StandardEnvironment environment = new StandardEnvironment();
  private final List<SourcesProperties> sourcesTold = new ArrayList<>();
  private final List<RegionsProperties> regionsTold = new ArrayList<>();
  private final List<SmsProperties> smsTold = new ArrayList<>();
  private ConfigurationFiles files;

  @BeforeEach
  void importTheFiles() throws IOException {
    for (String name : List.of("connectors.yml", "regions.yml")) {
      Files.copy(TestRegions.configDir().resolve(name), dir.resolve(name));
      for (PropertySource<?> source :
          new YamlPropertySourceLoader()
              .load("Config resource '" + name + "'", new FileSystemResource(dir.resolve(name)))) {
        environment.getPropertySources().addLast(source);
      }
    }
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                "test-environment",
                Map.of(
                    "SOURCES_HOUSEHOLD_BASE_URL", "https://hukou.example:8443",
                    "SOURCES_HOUSEHOLD_TOKEN", "production-secret-token-42")));
    ConfigurationPropertySources.attach(environment);
    Binder binder = Binder.get(environment);
    SourcesProperties sources = binder.bind("sources", SourcesProperties.class).get();
    RegionsProperties regions =
        binder.bind("enrollment.regions", Bindable.of(RegionsProperties.class)).get();
    SmsProperties sms = binder.bind("sms", SmsProperties.class).get();
    files =
        new ConfigurationFiles(
            environment,
            dir,
            "config",
            new SpringValidatorAdapter(validation.getValidator()),
            Clock.systemUTC(),
            List.of(
                ConfigSection.of(
                    "connectors.yml",
                    "sources",
                    SourcesProperties.class,
                    sources,
                    sourcesTold::add),
                ConfigSection.of("connectors.yml", "sms", SmsProperties.class, sms, smsTold::add),
                ConfigSection.of(
                    "regions.yml",
                    "enrollment.regions",
                    RegionsProperties.class,
                    regions,
                    regionsTold::add)));
  }

  @AfterEach
  void close() {
    validation.close();
  }

  @Test
  void takes_a_changed_timeout_and_tells_only_the_section_that_changed() throws IOException {
    edit("connectors.yml", "    attempt-timeout: 1s", "    attempt-timeout: 250ms");

    var outcome = files.reload("connectors.yml");

    assertThat(outcome).isEqualTo(new ConfigurationFiles.Applied(List.of("sources")));
    assertThat(sourcesTold).hasSize(1);
    assertThat(smsTold).isEmpty();
    assertThat(regionsTold).isEmpty();
    assertThat(sourcesTold.get(0).household().attemptTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(sourcesTold.get(0).residencePermit().attemptTimeout())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(environment.getProperty("sources.household.attempt-timeout")).isEqualTo("250ms");
  }

  @Test
  void an_environment_variable_still_wins_over_the_edited_file() throws IOException {
    edit(
        "connectors.yml",
        "    base-url: http://localhost:9101",
        "    base-url: http://localhost:9999");
    edit("connectors.yml", "    attempt-timeout: 1s", "    attempt-timeout: 250ms");

    files.reload("connectors.yml");

    SourcesProperties now = sourcesTold.get(0);
    assertThat(now.household().baseUrl()).isEqualTo(URI.create("https://hukou.example:8443"));
    assertThat(now.household().token()).isEqualTo("production-secret-token-42");
    assertThat(now.household().attemptTimeout()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void refuses_an_invalid_value_naming_file_and_key_and_keeps_the_last_good() throws IOException {
    Object before = files.current("connectors.yml", "sources");
    edit("connectors.yml", "    attempt-timeout: 1s", "    attempt-timeout: 0ms");

    var outcome = files.reload("connectors.yml");

    assertThat(outcome).isInstanceOf(ConfigurationFiles.Refused.class);
    ConfigurationFiles.Refusal refusal = ((ConfigurationFiles.Refused) outcome).refusal();
    assertThat(refusal.file()).isEqualTo("config/connectors.yml");
    assertThat(refusal.key()).isEqualTo("sources.household.attempt-timeout");
    assertThat(refusal.message())
        .startsWith("config/connectors.yml: sources.household.attempt-timeout: must be at least")
        .containsPattern("\\(line \\d+\\)");
    assertThat(files.current("connectors.yml", "sources")).isSameAs(before);
    assertThat(sourcesTold).isEmpty();
    assertThat(environment.getProperty("sources.household.attempt-timeout")).isEqualTo("1s");
    assertThat(files.states().get(0).lastRefused()).isEqualTo(refusal);
    assertThat(files.states().get(0).onDiskInForce()).isFalse();
  }

  @Test
  void refuses_a_value_of_the_wrong_type_naming_the_key() throws IOException {
    edit("connectors.yml", "    attempt-timeout: 1s", "    attempt-timeout: soon");

    var refusal = ((ConfigurationFiles.Refused) files.reload("connectors.yml")).refusal();

    assertThat(refusal.key()).isEqualTo("sources.household.attempt-timeout");
    assertThat(refusal.message()).contains("soon");
  }

  @Test
  void refuses_a_file_that_is_not_yaml_naming_the_line() throws IOException {
    edit("connectors.yml", "    attempt-timeout: 1s", "    attempt-timeout: [1s");

    var refusal = ((ConfigurationFiles.Refused) files.reload("connectors.yml")).refusal();

    assertThat(refusal.message()).startsWith("config/connectors.yml: not valid YAML:");
    assertThat(refusal.message()).containsPattern("line \\d+");
    assertThat(sourcesTold).isEmpty();
  }

  @Test
  void refuses_a_regions_rule_of_the_record_itself_naming_its_key() throws IOException {
    edit("regions.yml", "code: \"450722\"", "code: \"451302\"");

    var refusal = ((ConfigurationFiles.Refused) files.reload("regions.yml")).refusal();

    assertThat(refusal.key()).isEqualTo("enrollment.regions.areas[4].code");
    assertThat(refusal.message())
        .isEqualTo(
            "config/regions.yml: enrollment.regions.areas[4].code: 451302 is also listed as"
                + " excluded");
    assertThat(regionsTold).isEmpty();
  }

  @Test
  void refuses_a_missing_file() throws IOException {
    Files.delete(dir.resolve("regions.yml"));

    var refusal = ((ConfigurationFiles.Refused) files.reload("regions.yml")).refusal();

    assertThat(refusal.message())
        .isEqualTo("config/regions.yml: the file is missing or unreadable");
  }

  @Test
  void takes_an_edit_only_once_it_has_stayed_the_same_for_one_poll() throws IOException {
    edit(
        "regions.yml",
        "consultation-hours: \"08:00-18:00\"",
        "consultation-hours: \"08:30-17:30\"");

    files.poll();
    assertThat(regionsTold).isEmpty();
    files.poll();

    assertThat(regionsTold).hasSize(1);
    assertThat(regionsTold.get(0).consultationHours()).isEqualTo("08:30-17:30");
    files.poll();
    assertThat(regionsTold).hasSize(1);
  }

  @Test
  void does_not_try_a_refused_content_again_but_takes_the_next_good_one() throws IOException {
    edit("connectors.yml", "    attempt-timeout: 1s", "    attempt-timeout: 0ms");
    files.poll();
    files.poll();
    files.poll();
    assertThat(files.states().get(0).lastRefused()).isNotNull();

    edit("connectors.yml", "    attempt-timeout: 0ms", "    attempt-timeout: 700ms");
    files.poll();
    files.poll();

    assertThat(sourcesTold).hasSize(1);
    assertThat(sourcesTold.get(0).household().attemptTimeout()).isEqualTo(Duration.ofMillis(700));
    assertThat(files.states().get(0).onDiskInForce()).isTrue();
  }

  @Test
  void shows_the_settings_in_force_with_secrets_masked() {
    ConfigurationFiles.FileState connectors = files.states().get(0);

    assertThat(connectors.file()).isEqualTo("config/connectors.yml");
    assertThat(connectors.sha256()).hasSize(64);
    @SuppressWarnings("unchecked")
    Map<String, Object> household =
        (Map<String, Object>)
            ((Map<String, Object>) connectors.settings().get("sources")).get("household");
    assertThat(household)
        .containsEntry("base-url", "https://hukou.example:8443")
        .containsEntry("token", "****42")
        .containsEntry("attempt-timeout", "1s")
        .containsEntry("connect-timeout", "500ms");
    @SuppressWarnings("unchecked")
    Map<String, Object> sms = (Map<String, Object>) connectors.settings().get("sms");
    assertThat(sms.get("token")).isEqualTo("****en"); // dev-sms-token
  }

  private void edit(String name, String from, String to) throws IOException {
    Path file = dir.resolve(name);
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
  }
}
