package gx.enrollment.gateway.submission;

import gx.enrollment.connectors.Relation;
import gx.enrollment.gateway.policy.FormType;
import gx.enrollment.gateway.policy.PilotArea;
import gx.enrollment.gateway.policy.Stage;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A submission that passed every rule: the only kind the verification accepts.
 *
 * @param residencePermitRegion declared on form A when the guardian's hukou is not local
 * @param employer declared on form A together with the residence permit
 * @param priorityCategory on form B only
 * @param consent required for {@link Channel#ONLINE} before any source is queried
 */
public record Submission(
    int schoolYear,
    Stage stage,
    FormType formType,
    PilotArea area,
    Channel channel,
    Student student,
    Guardian guardian,
    @Nullable String residencePermitRegion,
    @Nullable String employer,
    @Nullable Residence residence,
    @Nullable PriorityCategory priorityCategory,
    @Nullable Consent consent) {

  /** 学生信息. */
  public record Student(ResidentIdNumber idNumber, String name) {}

  /** 法定监护人. The phone receives the SMS notices. */
  public record Guardian(ResidentIdNumber idNumber, String name, Relation relation, String phone) {

    @Override
    public String toString() {
      return "Guardian[idNumber=" + idNumber + ", relation=" + relation + "]";
    }
  }

  /** 家庭合法稳定住所; the certificate only for an owned home on form A. */
  public record Residence(ResidenceKind kind, String address, @Nullable String certificateNumber) {}

  /** The portal's attestation of real-name authentication and the guardian's consent. */
  public record Consent(String consentId, OffsetDateTime grantedAt, boolean realNameVerified) {}

  /** Whether the guardian declared the migrant sections (居住证 and 就业) of form A. */
  public boolean declaresMigrantSections() {
    return residencePermitRegion != null;
  }

  /** Whether the sources may be queried: offline staff saw the guardian; online needs consent. */
  public boolean mayQuerySources() {
    return QueryConsent.of(this) != null;
  }
}
