package gx.enrollment.gateway.application;

import gx.enrollment.gateway.application.ApplicationStateMachine.Action;
import gx.enrollment.gateway.application.ApplicationStateMachine.Actor;
import gx.enrollment.gateway.application.ApplicationStateMachine.Decision;
import gx.enrollment.gateway.web.ProblemException;
import gx.enrollment.gateway.web.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What a parent and a reviewer do to a stored application. Every change is decided by {@link
 * ApplicationStateMachine}, stored with its history line and announced by an event, in one
 * transaction; a change the status does not allow is refused naming the status.
 */
public final class ApplicationService {

  private final ApplicationStore applications;
  private final ApplicationEvents events;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public ApplicationService(
      ApplicationStore applications,
      ApplicationEvents events,
      TransactionalOperator transactions,
      Clock clock) {
    this.applications = applications;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  public Mono<ApplicationView> view(UUID id) {
    return applications.view(id).switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  /** 撤回: the parent withdraws the application, with a reason; irreversible. */
  public Mono<ApplicationView> withdraw(UUID id, String reason) {
    return change(id, Action.WITHDRAW, Actor.PARENT, "PARENT", reason).then(view(id));
  }

  /** 办件结果: only once the application is completed (已办结). */
  public Mono<ApplicationResult> result(UUID id) {
    return applications
        .status(id)
        .switchIfEmpty(Mono.error(() -> notFound(id)))
        .flatMap(
            stored ->
                stored.status() == ApplicationStatus.COMPLETED
                    ? applications.result(id)
                    : Mono.error(
                        ProblemException.statusConflict(
                            stored.status().name(),
                            stored.status().label(),
                            "the result is out once the application is COMPLETED (已办结); it is "
                                + stored.status())));
  }

  /** 办件评价: once per application, any time after it was submitted. */
  public Mono<Rating> rate(UUID id, int score, @Nullable String comment) {
    return applications
        .status(id)
        .switchIfEmpty(Mono.error(() -> notFound(id)))
        .flatMap(stored -> applications.rate(id, score, comment, clock.instant()))
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ProblemException(
                        ProblemType.ALREADY_RATED,
                        "this application has been rated already; a rating is given once",
                        java.util.List.of())));
  }

  private Mono<Void> change(UUID id, Action action, Actor actor, String actorName, String reason) {
    return applications
        .status(id)
        .switchIfEmpty(Mono.error(() -> notFound(id)))
        .flatMap(
            stored -> {
              Decision decision = ApplicationStateMachine.decide(stored.status(), action, actor);
              if (decision instanceof Decision.Refused refused) {
                return Mono.error(
                    ProblemException.statusConflict(
                        refused.current().name(), refused.current().label(), refused.reason()));
              }
              Decision.Allowed allowed = (Decision.Allowed) decision;
              Instant now = clock.instant();
              return applications
                  .changeStatus(id, allowed.from(), allowed.to(), actorName, reason, now)
                  .then(
                      events.statusChanged(
                          stored.application(),
                          allowed.from(),
                          allowed.to(),
                          actorName,
                          reason,
                          now))
                  .as(transactions::transactional);
            })
        // Another actor moved it between our read and our write: refuse with the status it has now.
        .onErrorResume(
            StatusConflictException.class,
            conflict -> applications.status(id).flatMap(now -> refuseWith(now.status(), action)));
  }

  private static Mono<Void> refuseWith(ApplicationStatus current, Action action) {
    return Mono.error(
        ProblemException.statusConflict(
            current.name(),
            current.label(),
            action.name().toLowerCase() + " is not possible while the application is " + current));
  }

  private static ProblemException notFound(UUID id) {
    return ProblemException.notFound("application " + id);
  }
}
