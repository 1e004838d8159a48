package gx.enrollment.gateway.verification;

import gx.enrollment.connectors.SourceResult;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The answer to one submission: what each of the four sources said (unused ones {@code SKIPPED}),
 * the findings, and the recommendation.
 */
public record VerificationReport(
    String verificationId,
    Outcome outcome,
    List<SourceResult> sources,
    List<Finding> findings,
    OffsetDateTime completedAt) {

  public VerificationReport {
    sources = List.copyOf(sources);
    findings = List.copyOf(findings);
  }
}
