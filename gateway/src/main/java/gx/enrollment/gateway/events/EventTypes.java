package gx.enrollment.gateway.events;

/**
 * The {@code type} of each event, as consumers read it in the envelope. A type names the meaning of
 * a payload; its {@code version} says which shape of that payload it is.
 */
public final class EventTypes {

  /** Published on {@link EventTopics#VERIFICATION_COMPLETED}. */
  public static final String VERIFICATION_COMPLETED = "VerificationCompleted";

  /** Published on {@link EventTopics#APPLICATION_STATUS_CHANGED}. */
  public static final String APPLICATION_STATUS_CHANGED = "ApplicationStatusChanged";

  private EventTypes() {}
}
