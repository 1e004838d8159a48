package gx.enrollment.gateway.review;

import gx.enrollment.gateway.application.ApplicationEvents;
import gx.enrollment.gateway.application.ApplicationStateMachine;
import gx.enrollment.gateway.application.ApplicationStateMachine.Actor;
import gx.enrollment.gateway.application.ApplicationStateMachine.Decision;
import gx.enrollment.gateway.application.ApplicationStatus;
import gx.enrollment.gateway.application.ApplicationStore;
import gx.enrollment.gateway.application.StatusConflictException;
import gx.enrollment.gateway.edge.Caller;
import gx.enrollment.gateway.web.ProblemException;
import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies reviewers' decisions through {@link ApplicationStateMachine}, exactly once per decision
 * id: the status change, its history line, its event and the decision's record commit together. A
 * decision the status does not allow is recorded as {@code REJECTED}, with the reason, and changes
 * nothing. A repeated decision id gets the first record back.
 */
public final class ReviewService {

  private final DatabaseClient db;
  private final ApplicationStore applications;
  private final ApplicationEvents events;
  private final TransactionalOperator transactions;
  private final JsonMapper json;
  private final Clock clock;

  public ReviewService(
      DatabaseClient db,
      ApplicationStore applications,
      ApplicationEvents events,
      TransactionalOperator transactions,
      JsonMapper json,
      Clock clock) {
    this.db = db;
    this.applications = applications;
    this.events = events;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
  }

  /**
   * As {@link #decide(ReviewDecision)}, for a reviewer's client through the API: a decision about
   * an application of an area {@code caller} does not serve is refused ({@code 403}) before
   * anything is written. (The Kafka topic is the bureau's own system, which serves every area.)
   */
  public Mono<DecisionRecord> decide(ReviewDecision decision, Caller caller) {
    return applications
        .region(decision.applicationId())
        .flatMap(region -> Mono.fromRunnable(() -> caller.checkServes(region, "application")))
        .then(Mono.defer(() -> decide(decision)));
  }

  public Mono<DecisionRecord> decide(ReviewDecision decision) {
    return find(decision.decisionId()).switchIfEmpty(Mono.defer(() -> apply(decision)));
  }

  private Mono<DecisionRecord> apply(ReviewDecision decision) {
    return applications
        .status(decision.applicationId())
        .switchIfEmpty(
            Mono.error(() -> ProblemException.notFound("application " + decision.applicationId())))
        .flatMap(
            stored -> {
              Instant now = clock.instant();
              Decision verdict =
                  ApplicationStateMachine.decide(
                      stored.status(), decision.action(), Actor.REVIEWER);
              if (verdict instanceof Decision.Refused refused) {
                return record(decision, "REJECTED", stored.status(), null, refused.reason(), now);
              }
              Decision.Allowed allowed = (Decision.Allowed) verdict;
              String actor = "REVIEWER:" + decision.reviewer();
              String note = note(decision);
              return applications
                  .changeStatus(
                      decision.applicationId(), allowed.from(), allowed.to(), actor, note, now)
                  .then(
                      events.statusChanged(
                          stored.application(), allowed.from(), allowed.to(), actor, note, now))
                  .then(record(decision, "APPLIED", allowed.from(), allowed.to(), note, now))
                  .as(transactions::transactional);
            })
        // Moved by someone else between our read and our write: recorded as rejected.
        .onErrorResume(
            StatusConflictException.class,
            conflict ->
                applications
                    .status(decision.applicationId())
                    .flatMap(
                        now ->
                            record(
                                decision,
                                "REJECTED",
                                now.status(),
                                null,
                                "the application moved to " + now.status() + " meanwhile",
                                clock.instant())));
  }

  /** Inserts the record unless the decision id is known already, then reads it back. */
  private Mono<DecisionRecord> record(
      ReviewDecision decision,
      String outcome,
      ApplicationStatus from,
      @Nullable ApplicationStatus to,
      @Nullable String note,
      Instant now) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("supplements", decision.supplements());
    details.put("admitted", decision.admitted());
    details.put("school", decision.school());
    return db.sql(
            """
            insert into review_decisions (decision_id, application_id, decision, reviewer, outcome,
              from_status, to_status, note, details, received_at)
            values (:id, :application, :decision, :reviewer, :outcome, :from, :to, :note, :details,
              :now)
            on conflict (decision_id) do nothing
            """)
        .bind("id", decision.decisionId())
        .bind("application", decision.applicationId())
        .bind("decision", decision.action().name())
        .bind("reviewer", decision.reviewer())
        .bind("outcome", outcome)
        .bind("from", from.name())
        .bind("to", Parameter.fromOrEmpty(to == null ? null : to.name(), String.class))
        .bind("note", Parameter.fromOrEmpty(note, String.class))
        .bind("details", Json.of(json.writeValueAsString(details)))
        .bind("now", now.atOffset(ZoneOffset.UTC))
        .then()
        .then(find(decision.decisionId()));
  }

  private Mono<DecisionRecord> find(String decisionId) {
    return db.sql(
            """
            select decision_id, application_id, decision, outcome, from_status, to_status, note,
              received_at
            from review_decisions where decision_id = :id
            """)
        .bind("id", decisionId)
        .map(
            (row, meta) ->
                new DecisionRecord(
                    row.get("decision_id", String.class),
                    row.get("application_id", UUID.class),
                    row.get("decision", String.class),
                    row.get("outcome", String.class),
                    row.get("from_status", String.class),
                    row.get("to_status", String.class),
                    row.get("note", String.class),
                    row.get("received_at", OffsetDateTime.class)))
        .one();
  }

  /** What the history and the parent's notice say about the decision. */
  private static @Nullable String note(ReviewDecision decision) {
    return switch (decision.action()) {
      case REQUEST_SUPPLEMENT ->
          decision.reason() + "；需补正：" + String.join("、", decision.supplements());
      case COMPLETE ->
          Boolean.TRUE.equals(decision.admitted())
              ? "录取：" + decision.school()
              : "未录取" + (decision.reason() == null ? "" : "：" + decision.reason());
      default -> decision.reason();
    };
  }
}
