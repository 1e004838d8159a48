package gx.enrollment.gateway.events;

import org.jspecify.annotations.Nullable;

/**
 * One message consumed from a topic.
 *
 * @param onHandled marks the message handled, so it is not delivered again after a restart
 */
public record InboundMessage(String topic, @Nullable String key, String value, Runnable onHandled) {

  /** Marks the message handled: it will not come again after a restart. */
  public void acknowledge() {
    onHandled.run();
  }
}
