package gx.enrollment.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import jakarta.validation.Validation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** {@code enrollment.events.*} binds with defaults that work and refuses what cannot. */
class EventsPropertiesUnitTests {

  @Test
  void needs_only_the_bootstrap_servers_and_defaults_the_rest() {
    EventsProperties properties =
        bind(Map.of("enrollment.events.kafka.bootstrap-servers", "kafka-1:9092"));

    assertThat(properties.kafka())
        .isEqualTo(
            new EventsProperties.Kafka(
                "kafka-1:9092",
                "enrollment-gateway",
                Duration.ofSeconds(3),
                Duration.ofSeconds(6),
                Duration.ofSeconds(3),
                Map.of()));
    assertThat(properties.relay())
        .isEqualTo(
            new EventsProperties.Relay(
                true,
                Duration.ofMillis(200),
                100,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                16));
  }

  @Test
  void refuses_to_start_without_bootstrap_servers_naming_the_key() {
    assertThatExceptionOfType(BindException.class)
        .isThrownBy(() -> bind(Map.of("enrollment.events.relay.batch-size", "50")))
        .satisfies(
            e ->
                assertThat(e.getCause().getMessage())
                    .contains("kafka.bootstrapServers", "must not be blank"));
  }

  @Test
  void refuses_a_delivery_timeout_no_longer_than_the_request_timeout() {
    assertThatExceptionOfType(BindException.class)
        .isThrownBy(
            () ->
                bind(
                    Map.of(
                        "enrollment.events.kafka.bootstrap-servers", "kafka-1:9092",
                        "enrollment.events.kafka.request-timeout", "5s",
                        "enrollment.events.kafka.delivery-timeout", "5s")))
        .withStackTraceContaining("delivery-timeout must be longer than request-timeout");
  }

  @Test
  void refuses_a_batch_size_of_zero() {
    assertThatExceptionOfType(BindException.class)
        .isThrownBy(
            () ->
                bind(
                    Map.of(
                        "enrollment.events.kafka.bootstrap-servers", "kafka-1:9092",
                        "enrollment.events.relay.batch-size", "0")))
        .satisfies(e -> assertThat(e.getCause().getMessage()).contains("relay.batchSize"));
  }

  private static EventsProperties bind(Map<String, String> values) {
    var validator =
        new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
    return new Binder(new MapConfigurationPropertySource(values))
        .bind(
            "enrollment.events",
            Bindable.of(EventsProperties.class),
            new ValidationBindHandler(validator))
        .get();
  }
}
