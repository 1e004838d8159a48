package gx.enrollment.gateway.verification;

import gx.enrollment.connectors.SourceResult;
import gx.enrollment.gateway.application.ApplicationEvents;
import gx.enrollment.gateway.application.ApplicationStatus;
import gx.enrollment.gateway.application.StoredApplication;
import gx.enrollment.gateway.events.EventTopics;
import gx.enrollment.gateway.events.EventTypes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** The events of a submission: its status changes and its verification reports. */
public final class SubmissionEvents {

  private final ApplicationEvents events;

  public SubmissionEvents(ApplicationEvents events) {
    this.events = events;
  }

  /** {@code enrollment.application.status-changed}, caused by the system. */
  public Mono<Void> statusChanged(
      StoredApplication application,
      @Nullable ApplicationStatus from,
      ApplicationStatus to,
      String actor,
      Instant at) {
    return events.statusChanged(application, from, to, actor, null, at);
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
    return events.append(
        EventTopics.VERIFICATION_COMPLETED,
        EventTypes.VERIFICATION_COMPLETED,
        application,
        payload);
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
