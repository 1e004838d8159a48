package gx.enrollment.gateway.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import reactor.core.publisher.Flux;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverOptions;

/**
 * The {@link TopicSubscriber} port over Reactor Kafka: manual acknowledgement, acknowledged offsets
 * committed every second and when partitions move, earliest offset for a new group.
 */
public final class ReactorKafkaTopicSubscriber implements TopicSubscriber {

  private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

  private final EventsProperties.Kafka settings;

  public ReactorKafkaTopicSubscriber(EventsProperties.Kafka settings) {
    this.settings = settings;
  }

  @Override
  public Flux<InboundMessage> subscribe(String topic, String group) {
    Map<String, Object> properties = new HashMap<>(settings.properties());
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-" + group);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    ReceiverOptions<String, byte[]> options =
        ReceiverOptions.<String, byte[]>create(properties)
            .commitInterval(COMMIT_INTERVAL)
            .subscription(List.of(topic));
    return Flux.defer(
        () ->
            KafkaReceiver.create(options)
                .receive()
                .map(
                    record ->
                        new InboundMessage(
                            record.topic(),
                            record.key(),
                            record.value() == null
                                ? ""
                                : new String(record.value(), StandardCharsets.UTF_8),
                            () -> record.receiverOffset().acknowledge())));
  }
}
