package gx.enrollment.gateway.verification;

import gx.enrollment.connectors.SourceResult;
import gx.enrollment.gateway.application.ApplicationStatus;
import gx.enrollment.gateway.application.StoredApplication;
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
 * The events of a submission, written to the outbox in the caller's transaction. Payloads carry
 * references and outcomes, never an ID number or a phone.
 */
public final class SubmissionEvents {

  private final Outbox outbox;
  private final JsonMapper json;
  private final Clock clock;

  public SubmissionEvents(Outbox outbox, JsonMapper json, Clock clock) {
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
      Instant at) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("applicationId", application.id().toString());
    payload.put("reference", application.reference());
    payload.put("from", from == null ? null : from.name());
    payload.put("to", to.name());
    payload.put("toLabel", to.label());
    payload.put("actor", actor);
    payload.put("changedAt", at.toString());
    return append(
        EventTopics.APPLICATION_STATUS_CHANGED,
        EventTypes.APPLICATION_STATUS_CHANGED,
        application,
        payload);
  }

  /** {@code enrollment.verification.completed}. */
  public Mono<Void> verificationCompleted(
      StoredApplication application, VerificationReport report) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("applicationId", application.id().toString());
    payload.put("reference", application.reference());
    payload.put("verificationId", report.verificationId());
    payload.put("outcome", report.outcome().name());
    payload.put("sources", report.sources().stream().map(SubmissionEvents::summary).toList());
    payload.put("findings", report.findings().stream().map(Finding::code).toList());
    payload.put("completedAt", report.completedAt().toString());
    return append(
        EventTopics.VERIFICATION_COMPLETED,
        EventTypes.VERIFICATION_COMPLETED,
        application,
        payload);
  }

  private Mono<Void> append(
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

  private static Map<String, Object> summary(SourceResult result) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("source", result.source().name());
    summary.put("status", result.status().name());
    summary.put("reason", result.reason() == null ? null : result.reason().name());
    summary.put("checks", result.checks().stream().map(c -> c.fact() + ":" + c.result()).toList());
    return summary;
  }
}
