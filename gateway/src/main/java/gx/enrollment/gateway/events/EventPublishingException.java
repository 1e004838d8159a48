package gx.enrollment.gateway.events;

/**
 * A batch of events did not (all) reach the broker. Its message names the broker's reason and never
 * an event's contents, so it can be logged and stored as it is.
 */
public final class EventPublishingException extends RuntimeException {

  private EventPublishingException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Publishing {@code size} events failed because of {@code cause}. */
  public static EventPublishingException batchFailed(int size, Throwable cause) {
    return new EventPublishingException(
        "publishing "
            + size
            + " events failed: "
            + cause.getClass().getSimpleName()
            + ": "
            + cause.getMessage(),
        cause);
  }
}
