package gx.enrollment.gateway.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads whole topics of a real broker, from the beginning, for assertions. */
public final class KafkaTopics {

  private KafkaTopics() {}

  /** Every record currently in {@code topics}, read until {@code quiet} passes without one. */
  public static List<ConsumerRecord<String, String>> readAll(
      String bootstrapServers, Duration quiet, String... topics) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topics));
      int emptyPolls = 0;
      while (emptyPolls < 2 || records.isEmpty() && emptyPolls < 20) {
        var batch = consumer.poll(quiet);
        if (batch.isEmpty()) {
          emptyPolls++;
        } else {
          emptyPolls = 0;
          batch.forEach(records::add);
        }
      }
    }
    return records;
  }
}
