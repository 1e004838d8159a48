package gx.enrollment.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.metrics.EnrollmentMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;

/**
 * The Spring wiring alone, over a real database: which beans exist, that the relay runs with the
 * application and stops with it, and that it can be switched off.
 */
class EventsConfigurationTests {

  private OutboxDatabase database;
  private ApplicationContextRunner context;

  @BeforeEach
  void contextOverARealDatabase() {
    database = OutboxDatabase.create();
    context =
        new ApplicationContextRunner()
            .withUserConfiguration(EventsConfiguration.class)
            .withBean(DatabaseClient.class, () -> database.client)
            .withBean(ReactiveTransactionManager.class, () -> database.transactionManager)
            .withBean(EnrollmentMetrics.class, EnrollmentMetrics::inMemory)
            // Never contacted: the outbox stays empty and the producer is created on first use.
            .withPropertyValues("enrollment.events.kafka.bootstrap-servers=localhost:9092");
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void runs_the_relay_from_start_to_shutdown_beside_the_outbox_and_the_publisher() {
    OutboxRelay[] relay = new OutboxRelay[1];

    context.run(
        started -> {
          assertThat(started).hasSingleBean(Outbox.class);
          assertThat(started).hasSingleBean(EventPublisher.class);
          relay[0] = started.getBean(OutboxRelay.class);
          assertThat(relay[0].isRunning()).isTrue();
        });

    assertThat(relay[0].isRunning()).isFalse();
  }

  @Test
  void keeps_the_relay_stopped_when_it_is_disabled() {
    context
        .withPropertyValues("enrollment.events.relay.enabled=false")
        .run(
            started -> {
              assertThat(started.getBean(OutboxRelay.class).isRunning()).isFalse();
              assertThat(started).hasSingleBean(Outbox.class);
            });
  }

  @Test
  void refuses_to_start_without_kafka_bootstrap_servers() {
    context
        .withPropertyValues("enrollment.events.kafka.bootstrap-servers=")
        .run(
            started ->
                assertThat(started)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("kafka.bootstrapServers"));
  }
}
