package gx.enrollment.gateway.events;

import gx.enrollment.gateway.metrics.EnrollmentMetrics;
import gx.enrollment.gateway.metrics.MeteredEventPublisher;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;

/**
 * Wires the events: the outbox that changes write to, the Kafka publisher, and the relay between
 * them (started with the application unless {@code enrollment.events.relay.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsConfiguration {

  @Bean
  Outbox outbox(DatabaseClient database, EventsProperties properties) {
    return new Outbox(database, properties.relay().lanes());
  }

  /** Closed at shutdown, after the relay has stopped, so what is in flight is flushed. */
  @Bean(destroyMethod = "close")
  ReactorKafkaEventPublisher eventPublisher(EventsProperties properties) {
    return new ReactorKafkaEventPublisher(properties.kafka());
  }

  @Bean
  TopicSubscriber topicSubscriber(EventsProperties properties) {
    return new ReactorKafkaTopicSubscriber(properties.kafka());
  }

  @Bean
  OutboxRelay outboxRelay(
      DatabaseClient database,
      ReactiveTransactionManager transactionManager,
      EventPublisher publisher,
      EventsProperties properties,
      EnrollmentMetrics metrics) {
    return new OutboxRelay(
        database,
        transactionManager,
        new MeteredEventPublisher(publisher, metrics),
        properties.relay());
  }

  @Bean
  OutboxRetention outboxRetention(
      DatabaseClient database, EventsProperties properties, ObjectProvider<java.time.Clock> clock) {
    return new OutboxRetention(
        database, properties.retention(), clock.getIfAvailable(Clock::systemUTC));
  }
}
