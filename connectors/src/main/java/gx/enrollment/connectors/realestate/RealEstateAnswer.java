package gx.enrollment.connectors.realestate;

import gx.enrollment.connectors.Check;
import gx.enrollment.connectors.CheckResult;
import gx.enrollment.connectors.Detail;
import gx.enrollment.connectors.Fact;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.http.AnswerReader;
import gx.enrollment.connectors.resilience.SourceAnswer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads the answer of 不动产登记 into {@link Fact#PROPERTY_OWNERSHIP} and, for an owned property, {@link
 * Fact#PROPERTY_LOCATION}. The address is never read: the region code says enough.
 */
final class RealEstateAnswer {

  private RealEstateAnswer() {}

  /** {@code status}. */
  enum PropertyStatus {
    MATCH(CheckResult.MATCH),
    OWNER_MISMATCH(CheckResult.OWNER_MISMATCH),
    NOT_FOUND(CheckResult.NOT_FOUND),
    SEALED(CheckResult.SEALED);

    final CheckResult result;

    PropertyStatus(CheckResult result) {
      this.result = result;
    }
  }

  static SourceAnswer read(JsonNode body, String appliedRegionCode) {
    AnswerReader answer = AnswerReader.of(Source.REAL_ESTATE, body);
    PropertyStatus status = answer.oneOf("status", PropertyStatus.class);
    List<Check> checks = new ArrayList<>();
    Map<Detail, String> details = new EnumMap<>(Detail.class);
    checks.add(Check.of(Fact.PROPERTY_OWNERSHIP, status.result));
    if (status == PropertyStatus.MATCH) {
      String propertyRegion = answer.regionCode("regionCode");
      checks.add(
          Check.of(
              Fact.PROPERTY_LOCATION,
              RegionCodes.covers(appliedRegionCode, propertyRegion)
                  ? CheckResult.MATCH
                  : CheckResult.OTHER_REGION));
    }
    answer.optionalRegionCode("regionCode").ifPresent(v -> details.put(Detail.PROPERTY_REGION, v));
    answer
        .optionalDate("registeredOn")
        .map(LocalDate::toString)
        .ifPresent(v -> details.put(Detail.PROPERTY_REGISTERED_ON, v));
    answer
        .optionalBoolean("mortgaged")
        .ifPresent(v -> details.put(Detail.PROPERTY_MORTGAGED, v.toString()));
    return new SourceAnswer(checks, details);
  }
}
