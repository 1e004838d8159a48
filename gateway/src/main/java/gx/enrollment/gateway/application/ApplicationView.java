package gx.enrollment.gateway.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An application as a portal shows it to the guardian: status, history, reports and the materials
 * uploaded (without their content); the form with ID numbers and the phone masked.
 */
public record ApplicationView(
    UUID applicationId,
    String reference,
    ApplicationStatus status,
    String statusLabel,
    int schoolYear,
    String stage,
    String formType,
    String regionCode,
    String channel,
    OffsetDateTime createdAt,
    Object form,
    List<HistoryLine> history,
    List<ReportLine> reports,
    List<MaterialLine> materials) {

  /** One change of status: who made it, when and why. */
  public record HistoryLine(
      @Nullable ApplicationStatus from,
      ApplicationStatus to,
      String toLabel,
      String actor,
      @Nullable String reason,
      OffsetDateTime at) {}

  /**
   * One material (材料) of the application, as {@code GET
   * /api/v1/applications/{id}/materials/{materialId}} serves it; oldest first.
   */
  public record MaterialLine(
      UUID id,
      String section,
      String mediaType,
      long size,
      String sha256,
      String fileName,
      OffsetDateTime uploadedAt) {}

  /** One verification report, newest last. */
  public record ReportLine(String verificationId, String outcome, OffsetDateTime completedAt) {}
}
