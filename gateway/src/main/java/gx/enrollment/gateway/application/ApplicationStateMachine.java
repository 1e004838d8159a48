package gx.enrollment.gateway.application;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The statuses of the seed (question 12) and who may move an application between them. Pure: no
 * Spring, no I/O. Anything not listed is refused, naming the current status.
 *
 * <pre>
 *   RECEIVED ──VERIFY(system)──▶ PENDING_ACCEPTANCE ──ACCEPT(reviewer)──▶ IN_PROGRESS
 *   PENDING_ACCEPTANCE, IN_PROGRESS ──REQUEST_SUPPLEMENT(reviewer)──▶ NEEDS_SUPPLEMENT
 *   NEEDS_SUPPLEMENT ──SUPPLEMENT(parent)──▶ PENDING_ACCEPTANCE
 *   PENDING_ACCEPTANCE, NEEDS_SUPPLEMENT, IN_PROGRESS ──RETURN(reviewer)──▶ RETURNED
 *   IN_PROGRESS ──COMPLETE(reviewer, system: lottery)──▶ COMPLETED
 *   IN_PROGRESS ──LOTTERY_NOT_ADMITTED(system)──▶ IN_PROGRESS  (not drawn by a private school's
 *                                                              lottery: 统筹安排 by the bureau)
 *   PENDING_ACCEPTANCE ──WITHDRAW(parent)──▶ WITHDRAWN            (irreversible)
 * </pre>
 */
public final class ApplicationStateMachine {

  /** Who causes a change. */
  public enum Actor {
    PARENT,
    REVIEWER,
    SYSTEM
  }

  /** What can be done to an application, with who may do it and from where to where. */
  public enum Action {
    VERIFY(
        Set.of(Actor.SYSTEM),
        EnumSet.of(ApplicationStatus.RECEIVED),
        ApplicationStatus.PENDING_ACCEPTANCE),
    ACCEPT(
        Set.of(Actor.REVIEWER),
        EnumSet.of(ApplicationStatus.PENDING_ACCEPTANCE),
        ApplicationStatus.IN_PROGRESS),
    REQUEST_SUPPLEMENT(
        Set.of(Actor.REVIEWER),
        EnumSet.of(ApplicationStatus.PENDING_ACCEPTANCE, ApplicationStatus.IN_PROGRESS),
        ApplicationStatus.NEEDS_SUPPLEMENT),
    SUPPLEMENT(
        Set.of(Actor.PARENT),
        EnumSet.of(ApplicationStatus.NEEDS_SUPPLEMENT),
        ApplicationStatus.PENDING_ACCEPTANCE),
    RETURN(
        Set.of(Actor.REVIEWER),
        EnumSet.of(
            ApplicationStatus.PENDING_ACCEPTANCE,
            ApplicationStatus.NEEDS_SUPPLEMENT,
            ApplicationStatus.IN_PROGRESS),
        ApplicationStatus.RETURNED),
    COMPLETE(
        Set.of(Actor.REVIEWER, Actor.SYSTEM),
        EnumSet.of(ApplicationStatus.IN_PROGRESS),
        ApplicationStatus.COMPLETED),
    /**
     * A private school's lottery (电脑随机录取) did not admit the child: the application stays 办理中 for
     * the bureau to arrange a place (统筹安排), and the change is recorded and notified.
     */
    LOTTERY_NOT_ADMITTED(
        Set.of(Actor.SYSTEM),
        EnumSet.of(ApplicationStatus.IN_PROGRESS),
        ApplicationStatus.IN_PROGRESS),
    WITHDRAW(
        Set.of(Actor.PARENT),
        EnumSet.of(ApplicationStatus.PENDING_ACCEPTANCE),
        ApplicationStatus.WITHDRAWN);

    private final Set<Actor> actors;
    private final Set<ApplicationStatus> from;
    private final ApplicationStatus to;

    Action(Set<Actor> actors, Set<ApplicationStatus> from, ApplicationStatus to) {
      this.actors = actors;
      this.from = from;
      this.to = to;
    }

    public ApplicationStatus to() {
      return to;
    }
  }

  /** The outcome of asking for a change. */
  public sealed interface Decision {
    /** The change may happen: {@code from} becomes {@code to}. */
    record Allowed(ApplicationStatus from, ApplicationStatus to) implements Decision {}

    /** It may not; {@code reason} says why, naming the current status. */
    record Refused(ApplicationStatus current, String reason) implements Decision {}
  }

  /** Statuses whose reaching sends the guardian an SMS (seed, question 12). */
  private static final Set<ApplicationStatus> NOTIFIED =
      EnumSet.of(
          ApplicationStatus.IN_PROGRESS,
          ApplicationStatus.NEEDS_SUPPLEMENT,
          ApplicationStatus.RETURNED,
          ApplicationStatus.COMPLETED);

  private static final Map<Actor, String> ACTOR_LABELS =
      Map.of(Actor.PARENT, "the parent", Actor.REVIEWER, "a reviewer", Actor.SYSTEM, "the system");

  private ApplicationStateMachine() {}

  public static Decision decide(ApplicationStatus current, Action action, Actor actor) {
    if (!action.actors.contains(actor)) {
      return new Decision.Refused(
          current, ACTOR_LABELS.get(actor) + " may not " + action.name().toLowerCase());
    }
    if (!action.from.contains(current)) {
      return new Decision.Refused(
          current,
          action.name().toLowerCase()
              + " is not possible while the application is "
              + current
              + " ("
              + current.label()
              + ")");
    }
    return new Decision.Allowed(current, action.to);
  }

  /** Whether reaching {@code status} sends the guardian an SMS. */
  public static boolean notifiesGuardian(ApplicationStatus status) {
    return NOTIFIED.contains(status);
  }
}
