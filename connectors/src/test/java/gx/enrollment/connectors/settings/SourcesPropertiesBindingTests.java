package gx.enrollment.connectors.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gx.enrollment.connectors.Source;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** {@code config/connectors.yml} as operators edit it, bound and validated as the gateway does. */
class SourcesPropertiesBindingTests {

  private static final Path CONNECTORS_YML =
      Path.of(System.getProperty("enrollment.config-dir", "../config"), "connectors.yml");

  private static ValidatorFactory validation;

  @BeforeAll
  static void startValidation() {
    // No EL on this module's classpath: parameter interpolation is all our messages need.
    validation =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
  }

  @AfterAll
  static void stopValidation() {
    validation.close();
  }

  @Test
  void binds_the_shipped_file_for_all_four_sources() throws IOException {
    SourcesProperties sources = bind(shippedFile());

    assertThat(sources.forSource(Source.HOUSEHOLD).baseUrl())
        .isEqualTo(URI.create("http://localhost:9101"));
    assertThat(sources.forSource(Source.RESIDENCE_PERMIT).baseUrl())
        .isEqualTo(URI.create("http://localhost:9102"));
    assertThat(sources.forSource(Source.SOCIAL_SECURITY).baseUrl())
        .isEqualTo(URI.create("http://localhost:9103"));
    assertThat(sources.forSource(Source.REAL_ESTATE).baseUrl())
        .isEqualTo(URI.create("http://localhost:9104"));
    for (Source source : Source.values()) {
      assertThat(sources.forSource(source).token()).isEqualTo("dev-" + source.key() + "-token");
    }
  }

  @Test
  void binds_every_concern_of_a_source_from_kebab_case_keys() throws IOException {
    SourceSettings household = bind(shippedFile()).household();

    assertThat(household.connectTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(household.attemptTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(household.circuitBreaker())
        .isEqualTo(
            new CircuitBreakerSettings(
                50, 80, Duration.ofSeconds(1), 20, 10, Duration.ofSeconds(10), 3));
    assertThat(household.retry())
        .isEqualTo(
            new RetrySettings(
                3, Duration.ofMillis(100), 2.0, 0.5, Duration.ofSeconds(1), Duration.ofSeconds(2)));
    assertThat(household.bulkhead()).isEqualTo(new BulkheadSettings(100));
  }

  @Test
  void reports_a_missing_base_url_naming_the_key() throws IOException {
    Map<String, Object> file = shippedFile();
    file.remove("sources.household.base-url");

    assertThatThrownBy(() -> bind(file))
        .satisfies(
            failure -> assertThat(invalidKeys(failure)).contains("sources.household.base-url"));
  }

  @ParameterizedTest
  @CsvSource({
    "sources.real-estate.circuit-breaker.failure-rate-threshold, -5",
    "sources.real-estate.circuit-breaker.failure-rate-threshold, 101",
    "sources.social-security.retry.max-attempts, 0",
    "sources.social-security.retry.randomization-factor, 1.0",
    "sources.residence-permit.attempt-timeout, 0ms",
    "sources.residence-permit.retry.max-retry-after, -1s",
    "sources.household.bulkhead.max-concurrent-calls, 0",
    "sources.household.token, ' '",
  })
  void reports_an_out_of_range_value_naming_the_key(String key, String value) throws IOException {
    Map<String, Object> file = shippedFile();
    file.put(key, value);

    assertThatThrownBy(() -> bind(file))
        .satisfies(failure -> assertThat(invalidKeys(failure)).containsExactly(key));
  }

  @Test
  void reports_a_missing_source_naming_it() throws IOException {
    Map<String, Object> file = shippedFile();
    file.keySet().removeIf(key -> key.startsWith("sources.real-estate."));

    assertThatThrownBy(() -> bind(file))
        .satisfies(failure -> assertThat(invalidKeys(failure)).contains("sources.real-estate"));
  }

  @Test
  void never_prints_the_token() throws IOException {
    assertThat(bind(shippedFile()).household().toString())
        .doesNotContain("dev-household-token")
        .contains("token=***");
  }

  private static Map<String, Object> shippedFile() throws IOException {
    List<PropertySource<?>> documents =
        new YamlPropertySourceLoader()
            .load("connectors.yml", new FileSystemResource(CONNECTORS_YML));
    Map<String, Object> properties = new LinkedHashMap<>();
    for (PropertySource<?> document : documents) {
      EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) document;
      for (String name : enumerable.getPropertyNames()) {
        properties.put(name, String.valueOf(enumerable.getProperty(name)));
      }
    }
    return properties;
  }

  private static SourcesProperties bind(Map<String, Object> properties) {
    Binder binder =
        new Binder(
            ConfigurationPropertySources.from(new MapPropertySource("connectors.yml", properties)));
    ValidationBindHandler validating =
        new ValidationBindHandler(new SpringValidatorAdapter(validation.getValidator()));
    return binder.bind("sources", Bindable.of(SourcesProperties.class), validating).get();
  }

  /**
   * The configuration keys a bind failure names, composed as Spring Boot's start-up failure report
   * ("Property: ...") composes them: the validated object's key plus the dashed field name.
   */
  private static List<String> invalidKeys(Throwable failure) {
    assertThat(failure).isInstanceOf(BindException.class);
    assertThat(failure.getCause()).isInstanceOf(BindValidationException.class);
    ValidationErrors errors = ((BindValidationException) failure.getCause()).getValidationErrors();
    return errors.getAllErrors().stream()
        .map(
            error ->
                error instanceof FieldError field
                    ? errors.getName().append(DataObjectPropertyName.toDashedForm(field.getField()))
                    : errors.getName())
        .map(Object::toString)
        .toList();
  }
}
