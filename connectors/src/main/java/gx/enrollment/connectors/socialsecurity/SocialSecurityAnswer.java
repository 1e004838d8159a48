package gx.enrollment.connectors.socialsecurity;

import gx.enrollment.connectors.Check;
import gx.enrollment.connectors.CheckResult;
import gx.enrollment.connectors.Detail;
import gx.enrollment.connectors.Fact;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.http.AnswerReader;
import gx.enrollment.connectors.resilience.BadResponseException;
import gx.enrollment.connectors.resilience.SourceAnswer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the answer of 社保 into {@link Fact#EMPLOYMENT} and, when the source tells the months, {@link
 * Fact#CONTRIBUTION_PERIOD} against the region's policy. The employer's name is never read: the
 * report does not need it.
 */
final class SocialSecurityAnswer {

  private SocialSecurityAnswer() {}

  /** {@code status}. */
  enum ContributionStatus {
    CONTRIBUTING(CheckResult.MATCH),
    LAPSED(CheckResult.LAPSED),
    OTHER_REGION(CheckResult.OTHER_REGION),
    NAME_MISMATCH(CheckResult.NAME_MISMATCH),
    NOT_FOUND(CheckResult.NOT_FOUND);

    final CheckResult result;

    ContributionStatus(CheckResult result) {
      this.result = result;
    }
  }

  static SourceAnswer read(JsonNode body, int minimumContinuousMonths) {
    AnswerReader answer = AnswerReader.of(Source.SOCIAL_SECURITY, body);
    ContributionStatus status = answer.oneOf("status", ContributionStatus.class);
    List<Check> checks = new ArrayList<>();
    Map<Detail, String> details = new EnumMap<>(Detail.class);
    checks.add(Check.of(Fact.EMPLOYMENT, status.result));

    Optional<Integer> months = answer.optionalCount("continuousMonths");
    if (status == ContributionStatus.CONTRIBUTING && months.isEmpty()) {
      throw BadResponseException.missingField(Source.SOCIAL_SECURITY, "continuousMonths");
    }
    months.ifPresent(
        count -> {
          checks.add(period(count, minimumContinuousMonths));
          details.put(Detail.CONTINUOUS_MONTHS, Integer.toString(count));
        });
    answer
        .optionalRegionCode("regionCode")
        .ifPresent(v -> details.put(Detail.CONTRIBUTION_REGION, v));
    answer
        .optionalYearMonth("lastPaidMonth")
        .map(YearMonth::toString)
        .ifPresent(v -> details.put(Detail.LAST_PAID_MONTH, v));
    return new SourceAnswer(checks, details);
  }

  private static Check period(int months, int minimum) {
    CheckResult result = months >= minimum ? CheckResult.MATCH : CheckResult.INSUFFICIENT;
    return new Check(Fact.CONTRIBUTION_PERIOD, result, months + " 个月（政策要求 " + minimum + " 个月）");
  }
}
