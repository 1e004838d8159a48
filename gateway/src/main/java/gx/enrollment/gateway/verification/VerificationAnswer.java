package gx.enrollment.gateway.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.gateway.application.ApplicationStatus;
import gx.enrollment.gateway.application.StoredApplication;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code POST /api/v1/verifications}: the report of API.md, plus the application it
 * was stored as (API.md: "more fields may be added").
 *
 * @param applicationId the stored application
 * @param reference the number parents see (e.g. {@code GX2024-000123})
 * @param status the application's status after the verification
 * @param carriedOver after a supplement, the sources not asked again (their question did not change
 *     and their last answer confirmed every fact); absent when every source was asked
 */
public record VerificationAnswer(
    String verificationId,
    UUID applicationId,
    String reference,
    ApplicationStatus status,
    Outcome outcome,
    List<SourceResult> sources,
    List<Finding> findings,
    OffsetDateTime completedAt,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Source> carriedOver) {

  static VerificationAnswer of(
      StoredApplication application, ApplicationStatus status, VerificationReport report) {
    return new VerificationAnswer(
        report.verificationId(),
        application.id(),
        application.reference(),
        status,
        report.outcome(),
        report.sources(),
        report.findings(),
        report.completedAt(),
        report.carriedOver());
  }
}
