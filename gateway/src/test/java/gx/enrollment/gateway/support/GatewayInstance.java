package gx.enrollment.gateway.support;

import gx.enrollment.gateway.EnrollmentGatewayApplication;
import gx.enrollment.mocks.GovernmentStubs;
import gx.enrollment.mocks.Upstream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One whole gateway process-alike — its own Spring context, Netty port, connection pools, outbox
 * relay — for tests that need several instances over one database and one broker, or one that stops
 * and another that starts.
 */
public final class GatewayInstance implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private GatewayInstance(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /**
   * Starts a gateway on a random port with {@code infrastructure} (see {@link
   * EmbeddedInfrastructure}), the stubs, and {@code overrides} on top.
   */
  public static GatewayInstance start(
      Map<String, String> infrastructure, GovernmentStubs stubs, Map<String, String> overrides) {
    Map<String, Object> properties = new HashMap<>(infrastructure);
    for (Upstream upstream : Upstream.values()) {
      if (upstream != Upstream.SMS) {
        String key = "sources." + upstream.name().toLowerCase(Locale.ROOT).replace('_', '-');
        properties.put(key + ".base-url", stubs.baseUrl(upstream));
        properties.put(key + ".token", stubs.token(upstream));
      }
    }
    properties.put("sms.base-url", stubs.baseUrl(Upstream.SMS));
    properties.put("sms.token", stubs.token(Upstream.SMS));
    properties.put("server.port", "0");
    properties.put("enrollment.verification.recovery.enabled", "false");
    properties.put("enrollment.events.relay.interval", "100ms");
    properties.put("spring.config.import", TestClients.CONFIG_IMPORT);
    properties.putAll(overrides);
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("instance", properties));
    return new GatewayInstance(
        new SpringApplicationBuilder(EnrollmentGatewayApplication.class)
            .environment(environment)
            .run());
  }

  public WebTestClient client() {
    String port = context.getEnvironment().getProperty("local.server.port");
    return WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(30))
        .defaultHeader(TestClients.HEADER, TestClients.ALL)
        .build();
  }

  public DatabaseClient database() {
    return context.getBean(DatabaseClient.class);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
