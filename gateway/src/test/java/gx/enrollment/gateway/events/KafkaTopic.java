package gx.enrollment.gateway.events;

import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A topic on a real broker, read back whole by a plain consumer. Reading stops at the end offsets
 * taken when reading starts, so whatever was acknowledged before is read, and no waiting is
 * guessed.
 */
record KafkaTopic(String bootstrapServers, String name) {

  /** A new topic with {@code partitions} partitions and a name no other test uses. */
  static KafkaTopic create(String bootstrapServers, String prefix, int partitions) {
    String name = prefix + "." + UUID.randomUUID();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not create topic " + name, e);
    }
    return new KafkaTopic(bootstrapServers, name);
  }

  /** Every record now in the topic, partition by partition, each in offset order. */
  List<Delivered> readAll() {
    Map<String, Object> properties =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(name).stream()
              .map(info -> new TopicPartition(name, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<Delivered> delivered = new ArrayList<>();
      Instant deadline = Instant.now().plusSeconds(15);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (Instant.now().isAfter(deadline)) {
          fail("could not read %s up to %s", name, ends);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          delivered.add(Delivered.of(record));
        }
      }
      return delivered;
    }
  }

  /** One record as a consumer sees it. */
  record Delivered(
      int partition, String key, Set<String> headerNames, UUID headerEventId, String value) {

    static Delivered of(ConsumerRecord<String, String> record) {
      Set<String> headers = new java.util.HashSet<>();
      record.headers().forEach(header -> headers.add(header.key()));
      byte[] eventId =
          record.headers().lastHeader(ReactorKafkaEventPublisher.EVENT_ID_HEADER).value();
      return new Delivered(
          record.partition(),
          record.key(),
          headers,
          UUID.fromString(new String(eventId, StandardCharsets.UTF_8)),
          record.value());
    }

    OutboxEvent event(String topic) {
      return EventEnvelope.read(topic, value);
    }
  }
}
