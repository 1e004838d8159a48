package gx.enrollment.gateway.events;

import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Runs one handler over one topic for as long as the application runs: messages one at a time in
 * order, each acknowledged once its handler completes; when the handler or Kafka fails, it backs
 * off (0.5 s doubling to 30 s) and starts again from the last acknowledged message. Handlers are
 * idempotent, since a message may come again.
 */
public final class TopicConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TopicConsumer.class);

  private final TopicSubscriber subscriber;
  private final String topic;
  private final String group;
  private final Function<InboundMessage, Mono<Void>> handler;
  private final boolean enabled;
  private volatile Disposable running;

  public TopicConsumer(
      TopicSubscriber subscriber,
      String topic,
      String group,
      Function<InboundMessage, Mono<Void>> handler,
      boolean enabled) {
    this.subscriber = subscriber;
    this.topic = topic;
    this.group = group;
    this.handler = handler;
    this.enabled = enabled;
  }

  @Override
  public void start() {
    if (!enabled) {
      return;
    }
    running =
        subscriber
            .subscribe(topic, group)
            .concatMap(message -> handler.apply(message).doOnSuccess(done -> message.acknowledge()))
            .doOnError(error -> log.warn("{} on {} paused: {}", group, topic, error.toString()))
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500))
                    .maxBackoff(Duration.ofSeconds(30)))
            .subscribe();
  }

  @Override
  public void stop() {
    Disposable current = running;
    if (current != null) {
      current.dispose();
    }
    running = null;
  }

  @Override
  public boolean isRunning() {
    return running != null && !running.isDisposed();
  }
}
