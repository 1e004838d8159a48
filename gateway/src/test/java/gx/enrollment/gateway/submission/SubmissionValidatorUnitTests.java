package gx.enrollment.gateway.submission;

import static gx.enrollment.gateway.support.Submissions.formA;
import static gx.enrollment.gateway.support.Submissions.formB;
import static gx.enrollment.gateway.support.Submissions.map;
import static gx.enrollment.gateway.support.Submissions.toRequest;
import static gx.enrollment.gateway.support.Submissions.with;
import static gx.enrollment.gateway.support.Submissions.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import gx.enrollment.gateway.policy.FormType;
import gx.enrollment.gateway.support.TestRegions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SubmissionValidatorUnitTests {

  private static final Clock JULY_2024 =
      Clock.fixed(Instant.parse("2024-07-01T01:31:00Z"), ZoneId.of("Asia/Shanghai"));

  private final SubmissionValidator validator =
      new SubmissionValidator(TestRegions.directory(), JULY_2024);

  @Test
  void accepts_the_form_a_example_of_the_api() {
    Submission submission = valid(formA());

    assertThat(submission.formType()).isEqualTo(FormType.A);
    assertThat(submission.area().fullName()).isEqualTo("钦州市钦南区");
    assertThat(submission.declaresMigrantSections()).isTrue();
    assertThat(submission.residence().certificateNumber()).startsWith("桂(2022)");
    assertThat(submission.mayQuerySources()).isTrue();
  }

  @Test
  void accepts_a_form_b_submission_with_a_priority_category() {
    Submission submission = valid(with(formB(), "priorityCategory", "ACTIVE_SERVICEMAN"));

    assertThat(submission.priorityCategory()).isEqualTo(PriorityCategory.ACTIVE_SERVICEMAN);
    assertThat(submission.residence()).isNull();
  }

  static Stream<Arguments> badSubmissions() {
    return Stream.of(
        bad(
            "wrong check character",
            b -> with(b, "student.idNumber", "450702201809120012"),
            "student.idNumber",
            "ID_CHECK_CHARACTER"),
        bad(
            "short ID",
            b -> with(b, "guardian.idNumber", "45070219880315002"),
            "guardian.idNumber",
            "ID_LENGTH"),
        bad(
            "letters in ID",
            b -> with(b, "guardian.idNumber", "4507021988031500AB"),
            "guardian.idNumber",
            "ID_CHARACTERS"),
        bad(
            "impossible birth date",
            b -> with(b, "student.idNumber", complete("45070220180230001")),
            "student.idNumber",
            "ID_BIRTH_DATE"),
        bad(
            "birth date in the future",
            b -> with(b, "student.idNumber", complete("45070220250101001")),
            "student.idNumber",
            "ID_BIRTH_DATE"),
        bad(
            "child too young for primary",
            b -> with(b, "student.idNumber", complete("45070220190101001")),
            "student.idNumber",
            "AGE_NOT_ELIGIBLE"),
        bad(
            "child too old for primary",
            b -> with(b, "student.idNumber", complete("45070220150101001")),
            "student.idNumber",
            "AGE_NOT_ELIGIBLE"),
        bad(
            "primary child for junior",
            b -> with(b, "stage", "JUNIOR"),
            "student.idNumber",
            "AGE_NOT_ELIGIBLE"),
        bad(
            "guardian a minor",
            b -> with(b, "guardian.idNumber", complete("45070220100101001")),
            "guardian.idNumber",
            "NOT_ADULT"),
        bad(
            "guardian is the child",
            b -> with(b, "guardian.idNumber", "450702201809120011"),
            "guardian.idNumber",
            "SAME_PERSON"),
        bad(
            "region outside the pilot",
            b -> with(b, "regionCode", "440300"),
            "regionCode",
            "OUTSIDE_PILOT"),
        bad("兴宾区 excluded", b -> with(b, "regionCode", "451302"), "regionCode", "OUTSIDE_PILOT"),
        bad(
            "region not 6 digits",
            b -> with(b, "regionCode", "4507"),
            "regionCode",
            "INVALID_FORMAT"),
        bad(
            "school year before the reform",
            b -> with(b, "schoolYear", 2023),
            "schoolYear",
            "OUT_OF_RANGE"),
        bad("unknown stage", b -> with(b, "stage", "SENIOR"), "stage", "UNKNOWN_VALUE"),
        bad("lower-case enum", b -> with(b, "formType", "a"), "formType", "UNKNOWN_VALUE"),
        bad("unknown channel", b -> with(b, "channel", "FAX"), "channel", "UNKNOWN_VALUE"),
        bad(
            "unknown relation",
            b -> with(b, "guardian.relation", "UNCLE"),
            "guardian.relation",
            "UNKNOWN_VALUE"),
        bad(
            "landline phone",
            b -> with(b, "guardian.phone", "0777-2880977"),
            "guardian.phone",
            "INVALID_FORMAT"),
        bad(
            "phone too short",
            b -> with(b, "guardian.phone", "1380077123"),
            "guardian.phone",
            "INVALID_FORMAT"),
        bad(
            "phone starting 12",
            b -> with(b, "guardian.phone", "12800771234"),
            "guardian.phone",
            "INVALID_FORMAT"),
        bad("latin name", b -> with(b, "student.name", "Huang"), "student.name", "INVALID_FORMAT"),
        bad(
            "one-character name",
            b -> with(b, "student.name", "黄"),
            "student.name",
            "INVALID_FORMAT"),
        bad(
            "name ending in a dot",
            b -> with(b, "guardian.name", "黄丽·"),
            "guardian.name",
            "INVALID_FORMAT"),
        bad("missing student", b -> without(b, "student"), "student", "REQUIRED"),
        bad(
            "missing guardian phone",
            b -> without(b, "guardian.phone"),
            "guardian.phone",
            "REQUIRED"),
        bad("form A without residence", b -> without(b, "residence"), "residence", "REQUIRED"),
        bad(
            "owned home without certificate",
            b -> without(b, "residence.certificateNumber"),
            "residence.certificateNumber",
            "REQUIRED"),
        bad(
            "rented home with certificate",
            b -> with(b, "residence.kind", "RENTED"),
            "residence.certificateNumber",
            "NOT_ALLOWED"),
        bad(
            "unknown residence kind",
            b -> with(b, "residence.kind", "CASTLE"),
            "residence.kind",
            "UNKNOWN_VALUE"),
        bad("permit without employment", b -> without(b, "employment"), "employment", "REQUIRED"),
        bad(
            "employment without permit",
            b -> without(b, "residencePermit"),
            "residencePermit",
            "REQUIRED"),
        bad(
            "permit region malformed",
            b -> with(b, "residencePermit.regionCode", "x"),
            "residencePermit.regionCode",
            "INVALID_FORMAT"),
        bad(
            "priority category on form A",
            b -> with(b, "priorityCategory", "MARTYR_CHILD"),
            "priorityCategory",
            "NOT_ALLOWED"),
        bad(
            "consent time malformed",
            b -> with(b, "consent.grantedAt", "yesterday"),
            "consent.grantedAt",
            "INVALID_FORMAT"),
        bad(
            "consent in the future",
            b -> with(b, "consent.grantedAt", "2024-07-02T09:30:00+08:00"),
            "consent.grantedAt",
            "IN_FUTURE"),
        bad(
            "consent id with spaces",
            b -> with(b, "consent.consentId", "c 7f3a"),
            "consent.consentId",
            "INVALID_FORMAT"));
  }

  static Stream<Arguments> badFormB() {
    return Stream.of(
        bad(
            "residence permit on form B",
            b -> with(b, "residencePermit", map("regionCode", "451321")),
            "residencePermit",
            "NOT_ALLOWED"),
        bad(
            "employment on form B",
            b -> with(b, "employment", map("employer", "某公司")),
            "employment",
            "NOT_ALLOWED"),
        bad(
            "certificate on form B",
            b ->
                with(
                    b,
                    "residence",
                    map("kind", "OWNED", "address", "某路1号", "certificateNumber", "桂(2022)1号")),
            "residence.certificateNumber",
            "NOT_ALLOWED"),
        bad(
            "unknown priority category",
            b -> with(b, "priorityCategory", "VIP"),
            "priorityCategory",
            "UNKNOWN_VALUE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSubmissions")
  void refuses_a_bad_form_a_field(
      String why, UnaryOperator<Map<String, Object>> change, String field, String code) {
    assertThat(errors(change.apply(formA())))
        .extracting(FieldError::field, FieldError::code)
        .contains(tuple(field, code));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFormB")
  void refuses_a_section_form_b_does_not_allow(
      String why, UnaryOperator<Map<String, Object>> change, String field, String code) {
    assertThat(errors(change.apply(formB())))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple(field, code));
  }

  @Test
  void names_every_bad_field_at_once() {
    Map<String, Object> body = formA();
    with(body, "student.idNumber", "450702201809120012");
    with(body, "guardian.phone", "123");
    with(body, "regionCode", "451302");
    with(body, "stage", "KINDERGARTEN");
    without(body, "residence");

    assertThat(errors(body))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "student.idNumber", "guardian.phone", "regionCode", "stage", "residence");
  }

  @Test
  void an_online_submission_without_consent_is_valid_but_may_not_query() {
    Submission withoutConsent = valid(without(formA(), "consent"));
    Submission notVerified = valid(with(formA(), "consent.realNameVerified", false));
    Submission offline = valid(with(without(formA(), "consent"), "channel", "OFFLINE"));

    assertThat(withoutConsent.mayQuerySources()).isFalse();
    assertThat(notVerified.mayQuerySources()).isFalse();
    assertThat(offline.mayQuerySources()).isTrue();
  }

  @ParameterizedTest(name = "{0} born {1} for {2}: eligible={3}")
  @CsvSource({
    "PRIMARY, 2018-12-31, 2024, true",
    "PRIMARY, 2019-01-01, 2024, false",
    "PRIMARY, 2016-01-01, 2024, true",
    "PRIMARY, 2015-12-31, 2024, false",
    "JUNIOR, 2013-06-01, 2024, true",
    "JUNIOR, 2014-01-01, 2024, false",
    "JUNIOR, 2009-01-01, 2024, true",
    "JUNIOR, 2008-12-31, 2024, false",
    "PRIMARY, 2019-03-01, 2025, true",
  })
  void admits_the_ages_of_each_stage(String stage, LocalDate born, int year, boolean eligible) {
    String first17 = "450702" + born.toString().replace("-", "") + "001";
    Map<String, Object> body = with(formA(), "student.idNumber", complete(first17));
    with(body, "stage", stage);
    with(body, "schoolYear", year);

    List<FieldError> errors =
        new SubmissionValidator(
                        TestRegions.directory(),
                        Clock.offset(JULY_2024, java.time.Duration.ofDays(400)))
                    .validate(toRequest(body))
                instanceof SubmissionValidator.Outcome.Invalid invalid
            ? invalid.errors()
            : List.of();

    assertThat(errors.stream().anyMatch(e -> e.code().equals("AGE_NOT_ELIGIBLE")))
        .isEqualTo(!eligible);
  }

  private static Arguments bad(
      String why, UnaryOperator<Map<String, Object>> change, String field, String code) {
    return Arguments.of(why, change, field, code);
  }

  private static String complete(String first17) {
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  private Submission valid(Map<String, Object> body) {
    SubmissionValidator.Outcome outcome = validator.validate(toRequest(body));
    assertThat(outcome).isInstanceOf(SubmissionValidator.Outcome.Valid.class);
    return ((SubmissionValidator.Outcome.Valid) outcome).submission();
  }

  private List<FieldError> errors(Map<String, Object> body) {
    SubmissionValidator.Outcome outcome = validator.validate(toRequest(body));
    assertThat(outcome).isInstanceOf(SubmissionValidator.Outcome.Invalid.class);
    return ((SubmissionValidator.Outcome.Invalid) outcome).errors();
  }
}
