package gx.enrollment.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * Scenario (b): what a user gets from a stock Spring Cloud Gateway — a Spring Boot application with
 * no code of ours but this class, and one route, declared in {@code plain-proxy.yml}, that proxies
 * {@code /real-estate/v1/verify} to the real-estate stub. No component scan, no filters, no beans:
 * auto-configuration only.
 *
 * <p>Arguments (Spring's): {@code --server.port=… --bench.real-estate-url=http://127.0.0.1:…}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PlainProxy {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(PlainProxy.class);
    application.setDefaultProperties(java.util.Map.of("spring.config.name", "plain-proxy"));
    application.run(args);
  }
}
