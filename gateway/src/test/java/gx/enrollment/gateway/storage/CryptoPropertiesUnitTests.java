package gx.enrollment.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gx.enrollment.gateway.support.EmbeddedInfrastructure;
import jakarta.validation.Validation;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

class CryptoPropertiesUnitTests {

  private static final String DEV_KEY =
      EmbeddedInfrastructure.DEV_CRYPTO.get("enrollment.crypto.keys.dev-1");
  private static final String DEV_HASH_KEY =
      EmbeddedInfrastructure.DEV_CRYPTO.get("enrollment.crypto.hash-key");
  private static final String SHORT_KEY = Base64.getEncoder().encodeToString(new byte[16]);
  private static final String LONG_KEY = Base64.getEncoder().encodeToString(new byte[33]);

  @Test
  void binds_the_development_keys() {
    CryptoProperties properties =
        bind(new MapPropertySource("dev", new HashMap<>(EmbeddedInfrastructure.DEV_CRYPTO)));

    assertThat(properties.activeKeyId()).isEqualTo("dev-1");
    assertThat(properties.keys()).containsOnlyKeys("dev-1");
    assertThat(new PersonalDataProtector(properties).activeKeyId()).isEqualTo("dev-1");
  }

  @Test
  void binds_from_environment_variables_where_an_underscore_in_a_key_id_becomes_a_dot() {
    String key = PersonalDataProtectorUnitTests.randomKey();
    CryptoProperties properties =
        bind(
            new SystemEnvironmentPropertySource(
                "systemEnvironment",
                Map.of(
                    "ENROLLMENT_CRYPTO_ACTIVE_KEY_ID", "k2025",
                    "ENROLLMENT_CRYPTO_KEYS_K2025", key,
                    "ENROLLMENT_CRYPTO_KEYS_PROD_1", DEV_KEY,
                    "ENROLLMENT_CRYPTO_HASH_KEY", DEV_HASH_KEY)));

    assertThat(properties.activeKeyId()).isEqualTo("k2025");
    assertThat(properties.keys()).containsOnlyKeys("k2025", "prod.1");
  }

  @ParameterizedTest(name = "{3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dev-1 | dev-1=SHORT | DEV  | enrollment.crypto.keys.dev-1 must be 32 bytes of base64 (it decodes to 16)",
        "dev-1 | dev-1=LONG  | DEV  | enrollment.crypto.keys.dev-1 must be 32 bytes of base64 (it decodes to 33)",
        "dev-1 | dev-1=%%%%  | DEV  | enrollment.crypto.keys.dev-1 must be 32 bytes of base64 (it is not valid base64)",
        "dev-1 | dev-1=DEV,old-0=SHORT | DEV | enrollment.crypto.keys.old-0 must be 32 bytes of base64",
        "dev-2 | dev-1=DEV   | DEV  | enrollment.crypto.active-key-id: dev-2 is not among enrollment.crypto.keys [dev-1]",
        "' '   | dev-1=DEV   | DEV  | enrollment.crypto.active-key-id must be set",
        "dev-1 | ''          | DEV  | enrollment.crypto.keys must list at least one key",
        "dev-1 | dev-1=DEV   | SHORT | enrollment.crypto.hash-key must be at least 32 bytes of base64 (it decodes to 16)",
        "dev-1 | dev-1=DEV   | ?!   | enrollment.crypto.hash-key must be at least 32 bytes of base64 (it is not valid base64)",
      })
  void names_the_property_at_fault(
      String activeKeyId, String keys, String hashKey, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CryptoProperties(activeKeyId, keys(keys), value(hashKey)))
        .withMessageStartingWith(message)
        .withMessageNotContaining(DEV_KEY)
        .withMessageNotContaining(SHORT_KEY);
  }

  @Test
  void refuses_to_bind_a_bad_key_and_says_which() {
    Map<String, Object> settings = new HashMap<>(EmbeddedInfrastructure.DEV_CRYPTO);
    settings.put("enrollment.crypto.keys.dev-1", SHORT_KEY);

    assertThatThrownBy(() -> bind(new MapPropertySource("bad", settings)))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageStartingWith("enrollment.crypto.keys.dev-1 must be 32 bytes of base64");
  }

  @Test
  void refuses_to_bind_without_keys() {
    assertThatThrownBy(() -> bind(new MapPropertySource("empty", Map.of("other", "x"))))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("enrollment.crypto.active-key-id must be set");
  }

  @Test
  void accepts_a_key_with_a_trailing_newline() {
    CryptoProperties properties =
        new CryptoProperties("dev-1", Map.of("dev-1", DEV_KEY + "\n"), DEV_HASH_KEY + "\n");

    assertThat(new PersonalDataProtector(properties).activeKeyId()).isEqualTo("dev-1");
  }

  @Test
  void hides_key_material_in_to_string() {
    CryptoProperties properties =
        new CryptoProperties(
            "dev-1",
            Map.of("dev-1", DEV_KEY, "old-0", PersonalDataProtectorUnitTests.randomKey()),
            DEV_HASH_KEY);

    assertThat(properties.toString())
        .isEqualTo("CryptoProperties[activeKeyId=dev-1, keys=[dev-1, old-0], hashKey=(hidden)]")
        .doesNotContain(DEV_KEY, DEV_HASH_KEY);
  }

  private static CryptoProperties bind(PropertySource<?> source) {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(source);
    var validator =
        new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
    return new Binder(ConfigurationPropertySources.from(sources))
        .bindOrCreate(
            "enrollment.crypto",
            Bindable.of(CryptoProperties.class),
            new ValidationBindHandler(validator));
  }

  // "id=KEY,id=KEY" with KEY one of DEV, SHORT, LONG or a literal.
  private static Map<String, String> keys(String spec) {
    Map<String, String> keys = new HashMap<>();
    if (!spec.isEmpty()) {
      for (String entry : spec.split(",")) {
        String[] idAndKey = entry.split("=", 2);
        keys.put(idAndKey[0], value(idAndKey[1]));
      }
    }
    return keys;
  }

  private static String value(String name) {
    return switch (name) {
      case "DEV" -> DEV_KEY;
      case "SHORT" -> SHORT_KEY;
      case "LONG" -> LONG_KEY;
      default -> name;
    };
  }
}
