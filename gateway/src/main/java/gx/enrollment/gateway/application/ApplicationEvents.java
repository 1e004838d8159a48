package gx.enrollment.gateway.application;

import gx.enrollment.gateway.events.EventTopics;
import gx.enrollment.gateway.events.EventTypes;
import gx.enrollment.gateway.events.Outbox;
import gx.enrollment.gateway.events.OutboxEvent;
import gx.enrollment.gateway.ids.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events of an application, written to the outbox in the caller's transaction, after the
 * statement that changed the application's row (so that its lock orders them). Payloads carry
 * references, statuses and outcomes, never an ID number or a phone.
 */
public final class ApplicationEvents {

  private final Outbox outbox;
  private final JsonMapper json;
  private final Clock clock;

  public ApplicationEvents(Outbox outbox, JsonMapper json, Clock clock) {
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
  }

  /** {@code enrollment.application.status-changed}. */
  public Mono<Void> statusChanged(
      StoredApplication application,
      @Nullable ApplicationStatus from,
      ApplicationStatus to,
      String actor,
      @Nullable String reason,
      Instant at) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("applicationId", application.id().toString());
    payload.put("reference", application.reference());
    payload.put("from", from == null ? null : from.name());
    payload.put("to", to.name());
    payload.put("toLabel", to.label());
    payload.put("actor", actor);
    payload.put("reason", reason);
    payload.put("notifyGuardian", ApplicationStateMachine.notifiesGuardian(to));
    payload.put("changedAt", at.toString());
    return append(
        EventTopics.APPLICATION_STATUS_CHANGED,
        EventTypes.APPLICATION_STATUS_CHANGED,
        application,
        payload);
  }

  /** Any event about {@code application}, payload at version 1. */
  public Mono<Void> append(
      String topic, String type, StoredApplication application, Map<String, Object> payload) {
    return outbox.append(
        OutboxEvent.of(
            TimeOrderedIds.next(),
            topic,
            type,
            application.id(),
            OffsetDateTime.now(clock),
            json.valueToTree(payload)));
  }
}
