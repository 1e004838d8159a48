package gx.enrollment.gateway.events;

import reactor.core.publisher.Flux;

/**
 * The port the gateway consumes Kafka topics through (its adapter is {@link
 * ReactorKafkaTopicSubscriber}). Delivery is at least once: a message whose {@link
 * InboundMessage#acknowledge()} was not called before an error or a restart comes again, so
 * handlers are idempotent.
 */
public interface TopicSubscriber {

  /**
   * The messages of {@code topic} for the consumer group {@code group}, in order per partition. The
   * flux errors when the connection to Kafka fails; subscribing again resumes after the last
   * acknowledged message.
   */
  Flux<InboundMessage> subscribe(String topic, String group);
}
