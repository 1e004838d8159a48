package gx.enrollment.gateway.events;

/** The Kafka topics the gateway publishes to. Every record is keyed by the application id. */
public final class EventTopics {

  /** A verification of an application finished; carries its outcome. */
  public static final String VERIFICATION_COMPLETED = "enrollment.verification.completed";

  /** An application moved from one status to another. */
  public static final String APPLICATION_STATUS_CHANGED = "enrollment.application.status-changed";

  private EventTopics() {}
}
