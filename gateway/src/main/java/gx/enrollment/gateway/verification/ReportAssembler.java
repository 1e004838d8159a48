package gx.enrollment.gateway.verification;

import gx.enrollment.connectors.Check;
import gx.enrollment.connectors.CheckResult;
import gx.enrollment.connectors.Detail;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.connectors.SourceStatus;
import gx.enrollment.gateway.policy.FormType;
import gx.enrollment.gateway.submission.Submission;
import gx.enrollment.gateway.verification.Finding.Severity;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the sources' answers into findings and one outcome. A contradicted fact makes the report
 * {@link Outcome#INCONSISTENT}; otherwise anything needed but unverified makes it {@link
 * Outcome#NEEDS_REVIEW}; otherwise it is {@link Outcome#VERIFIED}. Pure: no Spring, no I/O.
 */
public final class ReportAssembler {

  public VerificationReport assemble(
      String verificationId,
      Submission submission,
      List<SourceResult> results,
      OffsetDateTime completedAt) {
    Map<Source, SourceResult> bySource = new EnumMap<>(Source.class);
    results.forEach(result -> bySource.put(result.source(), result));
    List<SourceResult> ordered = new ArrayList<>();
    for (Source source : Source.values()) {
      ordered.add(bySource.getOrDefault(source, SourceResult.skipped(source)));
    }

    List<Finding> findings = new ArrayList<>();
    ordered.forEach(result -> findings.addAll(findingsOf(result)));
    findings.addAll(crossChecks(submission, bySource.get(Source.HOUSEHOLD)));
    return new VerificationReport(
        verificationId, outcomeOf(findings), ordered, findings, completedAt);
  }

  static Outcome outcomeOf(List<Finding> findings) {
    if (findings.stream().anyMatch(f -> f.severity() == Severity.CONTRADICTION)) {
      return Outcome.INCONSISTENT;
    }
    if (findings.stream().anyMatch(f -> f.severity() == Severity.REVIEW)) {
      return Outcome.NEEDS_REVIEW;
    }
    return Outcome.VERIFIED;
  }

  private static List<Finding> findingsOf(SourceResult result) {
    Source source = result.source();
    if (result.status() == SourceStatus.SKIPPED) {
      return List.of();
    }
    if (result.status() == SourceStatus.UNAVAILABLE) {
      var reason = result.reason();
      return List.of(
          new Finding(
              "SOURCE_UNAVAILABLE",
              Severity.REVIEW,
              source,
              null,
              FindingMessages.unavailable(
                  source,
                  reason == null
                      ? gx.enrollment.connectors.UnavailableReason.UPSTREAM_ERROR
                      : reason)));
    }
    if (result.checks().isEmpty()) {
      return List.of(
          new Finding(
              "NO_CHECKS", Severity.REVIEW, source, null, FindingMessages.noChecks(source)));
    }
    List<Finding> findings = new ArrayList<>();
    for (Check check : result.checks()) {
      severityOf(check.result())
          .ifPresent(
              severity ->
                  findings.add(
                      new Finding(
                          check.fact().name() + "_" + check.result().name(),
                          severity,
                          source,
                          check.fact(),
                          FindingMessages.check(check))));
    }
    return findings;
  }

  private static java.util.Optional<Severity> severityOf(CheckResult result) {
    return switch (result.verdict()) {
      case CONFIRMED -> java.util.Optional.empty();
      case CONTRADICTED -> java.util.Optional.of(Severity.CONTRADICTION);
      case UNDETERMINED -> java.util.Optional.of(Severity.REVIEW);
    };
  }

  /** Rules that need the submission and a source's answer together. */
  private static List<Finding> crossChecks(Submission submission, SourceResult household) {
    List<Finding> findings = new ArrayList<>();
    boolean guardianNonLocal =
        household != null
            && household.answered()
            && "NON_LOCAL".equals(household.details().get(Detail.GUARDIAN_HUKOU_TYPE));
    if (submission.formType() == FormType.A
        && guardianNonLocal
        && !submission.declaresMigrantSections()) {
      findings.add(
          new Finding(
              "MIGRANT_SECTIONS_MISSING",
              Severity.REVIEW,
              Source.HOUSEHOLD,
              null,
              FindingMessages.migrantSectionsMissing()));
    }
    if (submission.formType() != submission.area().form()
        && submission.priorityCategory() == null) {
      findings.add(
          new Finding(
              "FORM_DIFFERS_FROM_AREA",
              Severity.INFO,
              null,
              null,
              FindingMessages.formDiffersFromArea(
                  submission.area().fullName(),
                  submission.area().form().name(),
                  submission.formType().name())));
    }
    if (submission.priorityCategory() != null) {
      findings.add(
          new Finding(
              "PRIORITY_CATEGORY_DECLARED",
              Severity.INFO,
              null,
              null,
              FindingMessages.priorityCategory(submission.priorityCategory().label())));
    }
    return findings;
  }
}
