package gx.enrollment.gateway.submission;

import gx.enrollment.connectors.Relation;
import gx.enrollment.gateway.policy.FormType;
import gx.enrollment.gateway.policy.PilotArea;
import gx.enrollment.gateway.policy.RegionDirectory;
import gx.enrollment.gateway.policy.RegionsProperties.AgeRange;
import gx.enrollment.gateway.policy.Stage;
import gx.enrollment.gateway.submission.SubmissionRequest.ConsentFields;
import gx.enrollment.gateway.submission.SubmissionRequest.GuardianFields;
import gx.enrollment.gateway.submission.SubmissionRequest.PersonFields;
import gx.enrollment.gateway.submission.SubmissionRequest.ResidenceFields;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link SubmissionRequest} against every rule of API.md and reports every bad field at
 * once. The sections rule: form A needs a residence and allows the migrant sections (居住证 and 就业,
 * together) and a property certificate; form B allows none of them and alone allows a priority
 * category.
 */
public final class SubmissionValidator {

  /** The first school year of the reform; earlier years were never registered here. */
  static final int FIRST_SCHOOL_YEAR = 2024;

  private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
  private static final Pattern NAME = Pattern.compile("\\p{IsHan}[\\p{IsHan}·]{0,18}\\p{IsHan}");
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern CONSENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final int MAX_TEXT = 200;

  /**
   * Free text (employer, address, certificate number): letters of any script, digits, spaces and
   * the punctuation of addresses, company names and certificate numbers. No control characters, no
   * quotes, angle brackets, semicolons or equals signs: nothing a form needs, everything an
   * injection does.
   */
  private static final Pattern TEXT =
      Pattern.compile("[\\p{L}\\p{M}\\p{N} ()（）【】\\[\\]·.,，、。:：/#_—-]+");

  private static final String TEXT_RULE =
      " may hold letters, digits, spaces and ()（）【】[]·.,，、。:：/#_—- only";
  private static final int ADULT = 18;
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final RegionDirectory regions;
  private final Clock clock;

  public SubmissionValidator(RegionDirectory regions, Clock clock) {
    this.regions = regions;
    this.clock = clock;
  }

  /** A valid submission, or the list of every bad field. */
  public sealed interface Outcome {
    record Valid(Submission submission) implements Outcome {}

    record Invalid(List<FieldError> errors) implements Outcome {}
  }

  public Outcome validate(SubmissionRequest request) {
    FieldErrors errors = new FieldErrors();
    LocalDate today = LocalDate.now(clock);

    Integer schoolYear = schoolYear(errors, request.schoolYear(), today);
    Stage stage = errors.enumValue("stage", request.stage(), Stage.class);
    FormType form = errors.enumValue("formType", request.formType(), FormType.class);
    Channel channel = errors.enumValue("channel", request.channel(), Channel.class);
    PilotArea area = area(errors, request.regionCode());

    Submission.Student student = student(errors, request.student(), schoolYear, stage, today);
    Submission.Guardian guardian = guardian(errors, request.guardian(), today);
    if (samePerson(request)) {
      errors.add("guardian.idNumber", "SAME_PERSON", "guardian.idNumber is the student's own");
    }

    String permitRegion = null;
    String employer = null;
    PriorityCategory priority = null;
    if (form == FormType.A) {
      permitRegion = permitRegion(errors, request);
      employer = employer(errors, request);
      errors.notAllowed("priorityCategory", request.priorityCategory(), "on form A");
    } else if (form == FormType.B) {
      errors.notAllowed("residencePermit", request.residencePermit(), "on form B");
      errors.notAllowed("employment", request.employment(), "on form B");
      priority =
          errors.optionalEnumValue(
              "priorityCategory", request.priorityCategory(), PriorityCategory.class);
    }
    Submission.Residence residence = residence(errors, request.residence(), form);
    Submission.Consent consent = consent(errors, request.consent());

    if (!errors.isEmpty()) {
      return new Outcome.Invalid(errors.list());
    }
    return new Outcome.Valid(
        new Submission(
            schoolYear,
            stage,
            form,
            area,
            channel,
            student,
            guardian,
            permitRegion,
            employer,
            residence,
            priority,
            consent));
  }

  private static boolean samePerson(SubmissionRequest request) {
    if (request.student() == null || request.guardian() == null) {
      return false;
    }
    String child = request.student().idNumber();
    String guardian = request.guardian().idNumber();
    return child != null && child.equalsIgnoreCase(guardian == null ? "" : guardian);
  }

  private static @Nullable Integer schoolYear(
      FieldErrors errors, @Nullable Integer year, LocalDate today) {
    if (errors.required("schoolYear", year) == null) {
      return null;
    }
    int latest = today.getYear() + 1;
    if (year < FIRST_SCHOOL_YEAR || year > latest) {
      errors.add(
          "schoolYear",
          "OUT_OF_RANGE",
          "schoolYear must be between " + FIRST_SCHOOL_YEAR + " and " + latest);
      return null;
    }
    return year;
  }

  private @Nullable PilotArea area(FieldErrors errors, @Nullable String code) {
    if (errors.matching("regionCode", code, REGION_CODE, "a 6-digit GB/T 2260 code") == null) {
      return null;
    }
    var area = regions.area(code);
    if (area.isEmpty()) {
      String reason =
          regions.exclusionReason(code).orElse("试点地区为钦州市、来宾市（不含兴宾区）、崇左市 (the 2024 pilot regions)");
      errors.add(
          "regionCode", "OUTSIDE_PILOT", "regionCode " + code + " is not in the pilot: " + reason);
      return null;
    }
    return area.get();
  }

  private Submission.@Nullable Student student(
      FieldErrors errors,
      @Nullable PersonFields fields,
      @Nullable Integer schoolYear,
      @Nullable Stage stage,
      LocalDate today) {
    if (errors.required("student", fields) == null) {
      return null;
    }
    ResidentIdNumber id = idNumber(errors, "student.idNumber", fields.idNumber(), today);
    String name = name(errors, "student.name", fields.name());
    if (id != null && schoolYear != null && stage != null) {
      AgeRange ages = regions.ages(stage);
      LocalDate reference = regions.ageReferenceDate(schoolYear);
      int age = id.ageOn(reference);
      if (age < ages.min() || age > ages.max()) {
        errors.add(
            "student.idNumber",
            "AGE_NOT_ELIGIBLE",
            "the child is "
                + age
                + " on "
                + reference
                + "; "
                + stage.label()
                + " admits ages "
                + ages.min()
                + " to "
                + ages.max());
        return null;
      }
    }
    return id == null || name == null ? null : new Submission.Student(id, name);
  }

  private Submission.@Nullable Guardian guardian(
      FieldErrors errors, @Nullable GuardianFields fields, LocalDate today) {
    if (errors.required("guardian", fields) == null) {
      return null;
    }
    ResidentIdNumber id = idNumber(errors, "guardian.idNumber", fields.idNumber(), today);
    if (id != null && id.ageOn(today) < ADULT) {
      errors.add("guardian.idNumber", "NOT_ADULT", "the guardian must be at least 18 years old");
      id = null;
    }
    String name = name(errors, "guardian.name", fields.name());
    Relation relation = errors.enumValue("guardian.relation", fields.relation(), Relation.class);
    String phone =
        errors.matching(
            "guardian.phone", fields.phone(), MOBILE, "an 11-digit mainland mobile number");
    if (id == null || name == null || relation == null || phone == null) {
      return null;
    }
    return new Submission.Guardian(id, name, relation, phone);
  }

  private static @Nullable ResidentIdNumber idNumber(
      FieldErrors errors, String field, @Nullable String text, LocalDate today) {
    if (errors.required(field, text) == null) {
      return null;
    }
    ResidentIdNumber.Parsed parsed = ResidentIdNumber.parse(text);
    if (parsed.number() == null) {
      ResidentIdNumber.Problem problem = parsed.problem().orElseThrow();
      errors.add(field, "ID_" + problem.name(), field + " " + problem.message());
      return null;
    }
    if (parsed.number().birthDate().isAfter(today)) {
      errors.add(field, "ID_BIRTH_DATE", field + " contains a birth date in the future");
      return null;
    }
    return parsed.number();
  }

  private static @Nullable String name(FieldErrors errors, String field, @Nullable String name) {
    return errors.matching(
        field, name, NAME, "a Chinese name of 2 to 20 characters (· allowed inside)");
  }

  private static @Nullable String permitRegion(FieldErrors errors, SubmissionRequest request) {
    var permit = request.residencePermit();
    var employment = request.employment();
    if (permit == null && employment != null) {
      errors.add(
          "residencePermit", "REQUIRED", "residencePermit is required together with employment");
    }
    if (permit == null) {
      return null;
    }
    return errors.matching(
        "residencePermit.regionCode", permit.regionCode(), REGION_CODE, "a 6-digit GB/T 2260 code");
  }

  private static @Nullable String employer(FieldErrors errors, SubmissionRequest request) {
    var employment = request.employment();
    if (employment == null) {
      if (request.residencePermit() != null) {
        errors.add(
            "employment", "REQUIRED", "employment is required together with residencePermit");
      }
      return null;
    }
    String employer = errors.required("employment.employer", employment.employer());
    if (employer != null && employer.length() > MAX_TEXT) {
      errors.add("employment.employer", "TOO_LONG", "employment.employer is over 200 characters");
      return null;
    }
    return plainText(errors, "employment.employer", employer);
  }

  /** {@code value} if it is plain text ({@link #TEXT}), else an error naming the field. */
  private static @Nullable String plainText(
      FieldErrors errors, String field, @Nullable String value) {
    if (value == null || TEXT.matcher(value).matches()) {
      return value;
    }
    errors.add(field, "INVALID_CHARACTERS", field + TEXT_RULE);
    return null;
  }

  private static Submission.@Nullable Residence residence(
      FieldErrors errors, @Nullable ResidenceFields fields, @Nullable FormType form) {
    if (fields == null) {
      if (form == FormType.A) {
        errors.add("residence", "REQUIRED", "residence is required on form A");
      }
      return null;
    }
    ResidenceKind kind = errors.enumValue("residence.kind", fields.kind(), ResidenceKind.class);
    String address = errors.required("residence.address", fields.address());
    if (address != null && address.length() > MAX_TEXT) {
      errors.add("residence.address", "TOO_LONG", "residence.address is over 200 characters");
      address = null;
    }
    address = plainText(errors, "residence.address", address);
    String certificate = fields.certificateNumber();
    if (form == FormType.B) {
      errors.notAllowed("residence.certificateNumber", certificate, "on form B");
    } else if (kind == ResidenceKind.OWNED) {
      certificate = errors.required("residence.certificateNumber", certificate);
      if (certificate != null && certificate.length() > 64) {
        errors.add(
            "residence.certificateNumber",
            "TOO_LONG",
            "residence.certificateNumber is over 64 characters");
      } else {
        plainText(errors, "residence.certificateNumber", certificate);
      }
    } else if (kind != null) {
      errors.notAllowed(
          "residence.certificateNumber", certificate, "unless residence.kind is OWNED");
    }
    if (kind == null || address == null) {
      return null;
    }
    return new Submission.Residence(kind, address, form == FormType.A ? certificate : null);
  }

  private Submission.@Nullable Consent consent(FieldErrors errors, @Nullable ConsentFields fields) {
    if (fields == null) {
      return null;
    }
    String id =
        errors.matching(
            "consent.consentId", fields.consentId(), CONSENT_ID, "1 to 64 letters, digits or ._:-");
    OffsetDateTime grantedAt = null;
    if (errors.required("consent.grantedAt", fields.grantedAt()) != null) {
      try {
        grantedAt = OffsetDateTime.parse(fields.grantedAt());
        if (grantedAt.toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
          errors.add("consent.grantedAt", "IN_FUTURE", "consent.grantedAt is in the future");
        }
      } catch (DateTimeParseException e) {
        errors.add(
            "consent.grantedAt",
            "INVALID_FORMAT",
            "consent.grantedAt must be an ISO-8601 date-time with offset");
      }
    }
    Boolean verified = errors.required("consent.realNameVerified", fields.realNameVerified());
    if (id == null || grantedAt == null || verified == null) {
      return null;
    }
    return new Submission.Consent(id, grantedAt, verified);
  }
}
