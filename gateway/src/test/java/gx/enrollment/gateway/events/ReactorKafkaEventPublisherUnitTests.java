package gx.enrollment.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The producer settings per-application order rests on cannot be configured away. */
class ReactorKafkaEventPublisherUnitTests {

  @Test
  void keeps_idempotence_acks_all_and_five_requests_in_flight_whatever_the_extras_say() {
    EventsProperties.Kafka settings =
        new EventsProperties.Kafka(
            "kafka-1:9092",
            "gateway-1",
            Duration.ofSeconds(3),
            Duration.ofSeconds(6),
            Duration.ofSeconds(2),
            Map.of(
                "enable.idempotence", "false",
                "acks", "0",
                "max.in.flight.requests.per.connection", "50",
                "security.protocol", "SASL_SSL",
                "linger.ms", "20"));

    Map<String, Object> producer = ReactorKafkaEventPublisher.producerProperties(settings);

    assertThat(producer)
        .containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all")
        .containsEntry("max.in.flight.requests.per.connection", 5)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("linger.ms", "20")
        .containsEntry("bootstrap.servers", "kafka-1:9092")
        .containsEntry("client.id", "gateway-1")
        .containsEntry("request.timeout.ms", 3000)
        .containsEntry("delivery.timeout.ms", 6000)
        .containsEntry("max.block.ms", 2000L);
  }
}
