package gx.enrollment.gateway.submission;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/verifications} as received: every field may be missing or wrong,
 * enums arrive as strings, so that {@link SubmissionValidator} can name every bad field at once.
 */
public record SubmissionRequest(
    @Nullable Integer schoolYear,
    @Nullable String stage,
    @Nullable String formType,
    @Nullable String regionCode,
    @Nullable String channel,
    @Nullable PersonFields student,
    @Nullable GuardianFields guardian,
    @Nullable ResidencePermitFields residencePermit,
    @Nullable EmploymentFields employment,
    @Nullable ResidenceFields residence,
    @Nullable String priorityCategory,
    @Nullable ConsentFields consent) {

  /** The student section (学生信息). */
  public record PersonFields(@Nullable String idNumber, @Nullable String name) {}

  /** The guardian's basic information (法定监护人基本信息). */
  public record GuardianFields(
      @Nullable String idNumber,
      @Nullable String name,
      @Nullable String relation,
      @Nullable String phone) {}

  /** The guardian's residence permit (居住证信息, form A only). */
  public record ResidencePermitFields(@Nullable String regionCode) {}

  /** The guardian's employment (就业信息, form A only). */
  public record EmploymentFields(@Nullable String employer) {}

  /** The family's lawful stable residence (合法稳定住所) and, on form A, its property. */
  public record ResidenceFields(
      @Nullable String kind, @Nullable String address, @Nullable String certificateNumber) {}

  /** The guardian's real-name attestation and consent to query sensitive data. */
  public record ConsentFields(
      @Nullable String consentId, @Nullable String grantedAt, @Nullable Boolean realNameVerified) {}
}
