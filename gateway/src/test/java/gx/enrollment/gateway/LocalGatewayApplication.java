package gx.enrollment.gateway;

import gx.enrollment.gateway.support.EmbeddedInfrastructure;
import gx.enrollment.gateway.support.EmbeddedKafkaServer;
import gx.enrollment.mocks.GovernmentStubs;
import gx.enrollment.mocks.StubOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;

/**
 * The local run: the gateway on its embedded defaults — a real PostgreSQL and a real Kafka broker
 * started in-process, unless external ones are configured ({@code SPRING_R2DBC_URL}, {@code
 * KAFKA_BOOTSTRAP_SERVERS}, or the same as {@code -D} properties) — with the WireMock government
 * stubs in-process on the ports {@code config/connectors.yml} points at (9101–9105), so that
 * testers can switch the stubs' faults over HTTP while they try the gateway. Started by {@code mvn
 * -pl gateway spring-boot:test-run}; never part of the shipped jar.
 */
public final class LocalGatewayApplication {

  private LocalGatewayApplication() {}

  public static void main(String[] args) {
    GovernmentStubs stubs = GovernmentStubs.start(StubOptions.standalone());
    Runtime.getRuntime().addShutdownHook(new Thread(stubs::close, "stubs-shutdown"));

    Map<String, String> defaults = new LinkedHashMap<>();
    boolean externalKafka =
        configured("KAFKA_BOOTSTRAP_SERVERS", "enrollment.events.kafka.bootstrap-servers");
    String kafka = externalKafka ? "" : EmbeddedKafkaServer.shared().bootstrapServers();
    if (!configured("SPRING_R2DBC_URL", "spring.r2dbc.url")) {
      defaults.putAll(EmbeddedInfrastructure.properties("enrollment", kafka));
    } else {
      defaults.putAll(EmbeddedInfrastructure.DEV_CRYPTO);
      if (!externalKafka) {
        defaults.put("enrollment.events.kafka.bootstrap-servers", kafka);
      }
    }
    if (externalKafka) {
      defaults.remove("enrollment.events.kafka.bootstrap-servers");
    }
    if (configured("ENROLLMENT_CRYPTO_ACTIVE_KEY_ID", "enrollment.crypto.active-key-id")) {
      EmbeddedInfrastructure.DEV_CRYPTO.keySet().forEach(defaults::remove);
    }
    defaults.forEach(System::setProperty);
    SpringApplication.from(EnrollmentGatewayApplication::main).run(args);
  }

  private static boolean configured(String environmentVariable, String property) {
    String fromEnvironment = System.getenv(environmentVariable);
    String fromProperty = System.getProperty(property);
    return (fromEnvironment != null && !fromEnvironment.isBlank())
        || (fromProperty != null && !fromProperty.isBlank());
  }
}
