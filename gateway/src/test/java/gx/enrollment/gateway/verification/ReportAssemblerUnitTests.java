package gx.enrollment.gateway.verification;

import static gx.enrollment.gateway.support.Submissions.formA;
import static gx.enrollment.gateway.support.Submissions.formB;
import static gx.enrollment.gateway.support.Submissions.toRequest;
import static gx.enrollment.gateway.support.Submissions.with;
import static gx.enrollment.gateway.support.Submissions.without;
import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.connectors.Check;
import gx.enrollment.connectors.CheckResult;
import gx.enrollment.connectors.Detail;
import gx.enrollment.connectors.Fact;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.connectors.SourceStatus;
import gx.enrollment.connectors.UnavailableReason;
import gx.enrollment.gateway.submission.Submission;
import gx.enrollment.gateway.submission.SubmissionValidator;
import gx.enrollment.gateway.support.TestRegions;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReportAssemblerUnitTests {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-07-01T01:31:00Z"), ZoneId.of("Asia/Shanghai"));

  private final ReportAssembler assembler = new ReportAssembler();

  static Stream<Arguments> outcomes() {
    SourceResult household = householdMatch("LOCAL");
    return Stream.of(
        Arguments.of(
            "all matched",
            List.of(household, ok(Fact.RESIDENCE_PERMIT, CheckResult.MATCH)),
            Outcome.VERIFIED),
        Arguments.of(
            "one contradicted",
            List.of(household, ok(Fact.RESIDENCE_PERMIT, CheckResult.EXPIRED)),
            Outcome.INCONSISTENT),
        Arguments.of(
            "one unavailable",
            List.of(household, unavailable(Source.RESIDENCE_PERMIT)),
            Outcome.NEEDS_REVIEW),
        Arguments.of(
            "contradiction beats unavailable",
            List.of(
                household,
                unavailable(Source.REAL_ESTATE),
                ok(Fact.EMPLOYMENT, CheckResult.LAPSED)),
            Outcome.INCONSISTENT),
        Arguments.of(
            "sealed property needs review",
            List.of(household, ok(Fact.PROPERTY_OWNERSHIP, CheckResult.SEALED)),
            Outcome.NEEDS_REVIEW),
        Arguments.of(
            "relation unknown needs review",
            List.of(
                SourceResult.ok(
                    Source.HOUSEHOLD,
                    5,
                    1,
                    List.of(
                        Check.of(Fact.CHILD_IDENTITY, CheckResult.MATCH),
                        Check.of(Fact.GUARDIANSHIP, CheckResult.UNKNOWN)),
                    Map.of())),
            Outcome.NEEDS_REVIEW),
        Arguments.of(
            "household unavailable", List.of(unavailable(Source.HOUSEHOLD)), Outcome.NEEDS_REVIEW),
        Arguments.of(
            "an answer without checks",
            List.of(SourceResult.ok(Source.HOUSEHOLD, 5, 1, List.of(), Map.of())),
            Outcome.NEEDS_REVIEW));
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("outcomes")
  void aggregates_the_sources_into_one_outcome(
      String why, List<SourceResult> results, Outcome expected) {
    VerificationReport report = assemble(submission(formA()), results);

    assertThat(report.outcome()).isEqualTo(expected);
  }

  @Test
  void lists_all_four_sources_in_order_with_unused_ones_skipped() {
    VerificationReport report = assemble(submission(formB()), List.of(householdMatch("LOCAL")));

    assertThat(report.sources())
        .extracting(SourceResult::source, SourceResult::status)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(Source.HOUSEHOLD, SourceStatus.OK),
            org.assertj.core.api.Assertions.tuple(Source.RESIDENCE_PERMIT, SourceStatus.SKIPPED),
            org.assertj.core.api.Assertions.tuple(Source.SOCIAL_SECURITY, SourceStatus.SKIPPED),
            org.assertj.core.api.Assertions.tuple(Source.REAL_ESTATE, SourceStatus.SKIPPED));
    assertThat(report.outcome()).isEqualTo(Outcome.VERIFIED);
  }

  @Test
  void explains_an_unavailable_source_naming_it() {
    VerificationReport report =
        assemble(
            submission(formA()), List.of(householdMatch("LOCAL"), unavailable(Source.REAL_ESTATE)));

    assertThat(report.findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.code()).isEqualTo("SOURCE_UNAVAILABLE");
              assertThat(finding.source()).isEqualTo(Source.REAL_ESTATE);
              assertThat(finding.message()).contains("不动产登记").contains("TIMEOUT");
            });
  }

  @Test
  void names_each_contradicted_fact() {
    VerificationReport report =
        assemble(
            submission(formA()),
            List.of(
                householdMatch("LOCAL"), ok(Fact.CONTRIBUTION_PERIOD, CheckResult.INSUFFICIENT)));

    assertThat(report.findings())
        .extracting(Finding::code, Finding::severity)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                "CONTRIBUTION_PERIOD_INSUFFICIENT", Finding.Severity.CONTRADICTION));
  }

  @Test
  void a_non_local_guardian_without_migrant_sections_needs_review() {
    Submission local = submission(without(without(formA(), "residencePermit"), "employment"));

    VerificationReport report = assemble(local, List.of(householdMatch("NON_LOCAL")));

    assertThat(report.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    assertThat(report.findings()).extracting(Finding::code).contains("MIGRANT_SECTIONS_MISSING");
  }

  @Test
  void a_form_other_than_the_areas_is_reported_but_does_not_change_the_outcome() {
    Submission formBInFormAArea = submission(with(formB(), "regionCode", "450702"));

    VerificationReport report = assemble(formBInFormAArea, List.of(householdMatch("LOCAL")));

    assertThat(report.outcome()).isEqualTo(Outcome.VERIFIED);
    assertThat(report.findings())
        .extracting(Finding::code, Finding::severity)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("FORM_DIFFERS_FROM_AREA", Finding.Severity.INFO));
  }

  private VerificationReport assemble(Submission submission, List<SourceResult> results) {
    return assembler.assemble("v-test", submission, results, OffsetDateTime.now(CLOCK));
  }

  private static SourceResult householdMatch(String guardianHukou) {
    return SourceResult.ok(
        Source.HOUSEHOLD,
        12,
        1,
        List.of(
            Check.of(Fact.CHILD_IDENTITY, CheckResult.MATCH),
            Check.of(Fact.GUARDIAN_IDENTITY, CheckResult.MATCH),
            Check.of(Fact.GUARDIANSHIP, CheckResult.MATCH)),
        Map.of(Detail.GUARDIAN_HUKOU_TYPE, guardianHukou));
  }

  private static SourceResult ok(Fact fact, CheckResult result) {
    return SourceResult.ok(fact.source(), 20, 1, List.of(Check.of(fact, result)), Map.of());
  }

  private static SourceResult unavailable(Source source) {
    return SourceResult.unavailable(source, UnavailableReason.TIMEOUT, 3000, 2);
  }

  private static Submission submission(Map<String, Object> body) {
    var outcome = new SubmissionValidator(TestRegions.directory(), CLOCK).validate(toRequest(body));
    return ((SubmissionValidator.Outcome.Valid) outcome).submission();
  }
}
