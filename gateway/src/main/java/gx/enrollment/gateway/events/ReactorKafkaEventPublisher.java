package gx.enrollment.gateway.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;

/**
 * The {@link EventPublisher} on Reactor Kafka: one idempotent producer per instance, records keyed
 * by application id, the {@link EventEnvelope} as value and the event id also as header {@code
 * eventId}. Reactor Kafka is no longer developed upstream; it is used nowhere else, so replacing it
 * means replacing this class.
 */
public final class ReactorKafkaEventPublisher implements EventPublisher, AutoCloseable {

  /** The record header that carries the event id, for consumers that dedupe before parsing. */
  public static final String EVENT_ID_HEADER = "eventId";

  /**
   * Reactor Kafka's own buffer of records handed to the producer ahead of their answers. A batch
   * must fit in it whole: beyond it, further sends would run on the producer's network thread.
   */
  static final int MAX_BATCH = 1024;

  private final KafkaSender<String, byte[]> sender;

  public ReactorKafkaEventPublisher(EventsProperties.Kafka settings) {
    SenderOptions<String, byte[]> options =
        SenderOptions.<String, byte[]>create(producerProperties(settings))
            // Wait for every record's outcome before failing: no record of a failed batch may
            // still be in flight when the relay rolls back and retries it.
            .stopOnError(false)
            .maxInFlight(MAX_BATCH)
            .closeTimeout(Duration.ofSeconds(5));
    this.sender = KafkaSender.create(options);
  }

  /** The producer's configuration: the operator's extras, then what ordering depends on. */
  static Map<String, Object> producerProperties(EventsProperties.Kafka settings) {
    Map<String, Object> properties = new HashMap<>(settings.properties());
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, settings.clientId());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(settings.requestTimeout()));
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(settings.deliveryTimeout()));
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.maxBlock().toMillis());
    properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    // Fixed: retries of an idempotent producer with at most 5 requests in flight keep the order
    // of each partition and never write a record twice.
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    properties.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
    return properties;
  }

  @Override
  public Mono<Void> publish(List<OutboxEvent> batch) {
    if (batch.isEmpty()) {
      return Mono.empty();
    }
    if (batch.size() > MAX_BATCH) {
      return Mono.error(
          new IllegalArgumentException("at most " + MAX_BATCH + " events in one batch"));
    }
    return knowPartitionsOf(batch)
        .thenMany(sender.send(Flux.fromIterable(batch).map(ReactorKafkaEventPublisher::record)))
        .then()
        // The Kafka producer blocks while it has no metadata (up to max.block.ms) and is created
        // on first use: both happen on the subscribing thread, so that is a bounded elastic one,
        // on purpose, never a Netty or parallel one.
        .subscribeOn(Schedulers.boundedElastic())
        // Answers arrive on the producer's network thread; the caller's next step runs elsewhere.
        .publishOn(Schedulers.parallel())
        .onErrorMap(error -> EventPublishingException.batchFailed(batch.size(), error));
  }

  /**
   * Waits (up to {@code max.block.ms}) for the partitions of the batch's topics, once per topic.
   * Without this, each record of a batch sent while Kafka is away would wait that long in turn.
   */
  private Mono<Void> knowPartitionsOf(List<OutboxEvent> batch) {
    return Flux.fromIterable(batch)
        .map(OutboxEvent::topic)
        .distinct()
        .concatMap(topic -> sender.doOnProducer(producer -> producer.partitionsFor(topic)))
        .then();
  }

  private static SenderRecord<String, byte[], UUID> record(OutboxEvent event) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(EVENT_ID_HEADER, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(event.topic(), null, event.key(), EventEnvelope.write(event), headers);
    return SenderRecord.create(record, event.eventId());
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
  }

  /** Flushes what is in flight (for at most 5 s) and closes the producer. */
  @Override
  public void close() {
    sender.close();
  }
}
