package gx.enrollment.gateway.metrics;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnectors;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Wires what operators watch: the {@code enrollment.*} meters, Resilience4j's meters of the four
 * sources, the outbox backlog gauges, and the {@code sources} health contributor ({@code
 * /actuator/health/sources}, one component per source, named by its key in {@code
 * config/connectors.yml}).
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

  @Bean
  EnrollmentMetrics enrollmentMetrics(MeterRegistry registry) {
    return new EnrollmentMetrics(registry);
  }

  @Bean
  SourceResilienceMetrics sourceResilienceMetrics(
      MeterRegistry registry, SourceConnectors connectors) {
    SourceResilienceMetrics metrics = new SourceResilienceMetrics(registry);
    metrics.bindAll(connectors);
    // A reload of config/ rebuilds a changed source's stack: its meters follow the new one.
    connectors.onRebuild((source, replaced, current) -> metrics.rebind(replaced, current));
    return metrics;
  }

  /**
   * @param interval {@code enrollment.metrics.outbox-interval}: how often the backlog is read
   */
  @Bean
  OutboxBacklogGauges outboxBacklogGauges(
      DatabaseClient db,
      MeterRegistry registry,
      Clock clock,
      @Value("${enrollment.metrics.outbox-interval:10s}") Duration interval) {
    return new OutboxBacklogGauges(db, registry, clock, interval);
  }

  /** Named {@code sources} in {@code /actuator/health} (the bean name less its suffix). */
  @Bean
  CompositeReactiveHealthContributor sourcesHealthContributor(SourceConnectors connectors) {
    Map<String, ReactiveHealthIndicator> sources = new LinkedHashMap<>();
    for (Source source : Source.values()) {
      sources.put(source.key(), new SourceHealthIndicator(source, connectors));
    }
    return CompositeReactiveHealthContributor.fromMap(sources);
  }
}
