package gx.enrollment.gateway.submission;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/verifications} as received: every field may be missing or wrong,
 * enums arrive as strings, so that {@link SubmissionValidator} can name every bad field at once.
 */
public record SubmissionRequest(
    @Schema(description = "From 2024 (the first year of the reform) to next year", example = "2024")
        @Nullable Integer schoolYear,
    @Schema(
            description = "PRIMARY (小学一年级) or JUNIOR (初中一年级)",
            allowableValues = {"PRIMARY", "JUNIOR"})
        @Nullable String stage,
    @Schema(
            description = "The form of the area: A or B (GET /api/v1/regions says which)",
            allowableValues = {"A", "B"})
        @Nullable String formType,
    @Schema(
            description = "GB/T 2260 code of a pilot area (GET /api/v1/regions)",
            example = "450702")
        @Nullable String regionCode,
    @Schema(allowableValues = {"ONLINE", "OFFLINE"}) @Nullable String channel,
    @Nullable PersonFields student,
    @Nullable GuardianFields guardian,
    @Nullable ResidencePermitFields residencePermit,
    @Nullable EmploymentFields employment,
    @Nullable ResidenceFields residence,
    @Schema(
            description = "优抚对象 group, form B only",
            allowableValues = {
              "MARTYR_CHILD",
              "ACTIVE_SERVICEMAN",
              "POLICE_HERO",
              "POLICE_CASUALTY",
              "FIRE_RESCUE",
              "HIGH_LEVEL_TALENT",
              "URGENT_TALENT",
              "OTHER_POLICY"
            })
        @Nullable String priorityCategory,
    @Schema(description = "Required for ONLINE: without it no source is queried (403)")
        @Nullable ConsentFields consent) {

  /** The student section (学生信息). */
  public record PersonFields(
      @Schema(description = "GB 11643 resident ID number (18 characters, x accepted)")
          @Nullable String idNumber,
      @Schema(description = "2–20 Chinese characters, · inside allowed") @Nullable String name) {}

  /** The guardian's basic information (法定监护人基本信息). */
  public record GuardianFields(
      @Nullable String idNumber,
      @Nullable String name,
      @Schema(allowableValues = {"FATHER", "MOTHER", "GUARDIAN"}) @Nullable String relation,
      @Schema(description = "Mainland mobile: 1[3-9] and 9 digits") @Nullable String phone) {}

  /** The guardian's residence permit (居住证信息, form A only). */
  public record ResidencePermitFields(@Nullable String regionCode) {}

  /** The guardian's employment (就业信息, form A only). */
  public record EmploymentFields(@Nullable String employer) {}

  /** The family's lawful stable residence (合法稳定住所) and, on form A, its property. */
  public record ResidenceFields(
      @Schema(allowableValues = {"OWNED", "RENTED", "OTHER"}) @Nullable String kind,
      @Nullable String address,
      @Schema(description = "不动产权证书号, only with OWNED (and then required)")
          @Nullable String certificateNumber) {}

  /** The guardian's real-name attestation and consent to query sensitive data. */
  public record ConsentFields(
      @Nullable String consentId, @Nullable String grantedAt, @Nullable Boolean realNameVerified) {}
}
