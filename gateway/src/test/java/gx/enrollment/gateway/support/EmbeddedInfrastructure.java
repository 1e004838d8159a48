package gx.enrollment.gateway.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The properties that point the gateway at the embedded PostgreSQL and Kafka, and the development
 * keys that protect personal data at rest. Used by the tests and by the local run; production sets
 * the same keys to real servers and real secrets.
 */
public final class EmbeddedInfrastructure {

  /**
   * Development keys only (AES-256 and HMAC-SHA256, base64). Never valid outside tests and the
   * local run: production supplies {@code ENROLLMENT_CRYPTO_*} from its secret store.
   */
  public static final Map<String, String> DEV_CRYPTO =
      Map.of(
          "enrollment.crypto.active-key-id", "dev-1",
          "enrollment.crypto.keys.dev-1", "ZGV2LWtleS0xLW5vdC1mb3ItcHJvZHVjdGlvbi0zMmI=",
          "enrollment.crypto.hash-key", "ZGV2LWhtYWMta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=");

  private EmbeddedInfrastructure() {}

  /**
   * Properties for a fresh database of its own on the shared PostgreSQL and for the shared Kafka.
   */
  public static Map<String, String> properties(String databasePrefix) {
    return properties(databasePrefix, EmbeddedKafkaServer.shared().bootstrapServers());
  }

  /** As {@link #properties(String)}, with Kafka at {@code bootstrapServers}. */
  public static Map<String, String> properties(String databasePrefix, String bootstrapServers) {
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
    String database = postgres.createDatabase(databasePrefix);
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.r2dbc.url", postgres.r2dbcUrl(database));
    properties.put("spring.r2dbc.username", postgres.username());
    properties.put("spring.r2dbc.password", postgres.password());
    properties.put("spring.flyway.url", postgres.jdbcUrl(database));
    properties.put("spring.flyway.user", postgres.username());
    properties.put("spring.flyway.password", postgres.password());
    properties.put("enrollment.events.kafka.bootstrap-servers", bootstrapServers);
    properties.putAll(DEV_CRYPTO);
    return properties;
  }

  /**
   * Adds {@code properties} through {@code registry} (e.g. {@code DynamicPropertyRegistry::add}).
   */
  public static void register(
      Map<String, String> properties, BiConsumer<String, java.util.function.Supplier<Object>> add) {
    properties.forEach((key, value) -> add.accept(key, () -> value));
  }
}
