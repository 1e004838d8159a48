package gx.enrollment.connectors.residencepermit;

import gx.enrollment.connectors.Check;
import gx.enrollment.connectors.CheckResult;
import gx.enrollment.connectors.Detail;
import gx.enrollment.connectors.Fact;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.http.AnswerReader;
import gx.enrollment.connectors.resilience.SourceAnswer;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads the answer of 居住证 into the {@link Fact#RESIDENCE_PERMIT} check and its details. */
final class ResidencePermitAnswer {

  private ResidencePermitAnswer() {}

  /** {@code status}. */
  enum PermitStatus {
    VALID(CheckResult.MATCH),
    EXPIRED(CheckResult.EXPIRED),
    OTHER_REGION(CheckResult.OTHER_REGION),
    NAME_MISMATCH(CheckResult.NAME_MISMATCH),
    NOT_FOUND(CheckResult.NOT_FOUND);

    final CheckResult result;

    PermitStatus(CheckResult result) {
      this.result = result;
    }
  }

  static SourceAnswer read(JsonNode body) {
    AnswerReader answer = AnswerReader.of(Source.RESIDENCE_PERMIT, body);
    PermitStatus status = answer.oneOf("status", PermitStatus.class);
    Map<Detail, String> details = new EnumMap<>(Detail.class);
    answer.optionalRegionCode("regionCode").ifPresent(v -> details.put(Detail.PERMIT_REGION, v));
    answer
        .optionalDate("validFrom")
        .map(LocalDate::toString)
        .ifPresent(v -> details.put(Detail.PERMIT_VALID_FROM, v));
    answer
        .optionalDate("validTo")
        .map(LocalDate::toString)
        .ifPresent(v -> details.put(Detail.PERMIT_VALID_TO, v));
    return new SourceAnswer(List.of(Check.of(Fact.RESIDENCE_PERMIT, status.result)), details);
  }
}
