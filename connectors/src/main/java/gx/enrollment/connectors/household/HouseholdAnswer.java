package gx.enrollment.connectors.household;

import gx.enrollment.connectors.Check;
import gx.enrollment.connectors.CheckResult;
import gx.enrollment.connectors.Detail;
import gx.enrollment.connectors.Fact;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.http.AnswerReader;
import gx.enrollment.connectors.resilience.SourceAnswer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads the answer of 户籍 into checks and details, exactly as its contract documents it. */
final class HouseholdAnswer {

  /** Shown to reviewers; the relation holds even though the two are registered apart. */
  static final String NOT_SAME_HOUSEHOLD = "关系属实，但不在同一户";

  private HouseholdAnswer() {}

  /** Per-person {@code status}. */
  enum PersonStatus {
    MATCH(CheckResult.MATCH),
    NAME_MISMATCH(CheckResult.NAME_MISMATCH),
    NOT_FOUND(CheckResult.NOT_FOUND);

    final CheckResult result;

    PersonStatus(CheckResult result) {
      this.result = result;
    }
  }

  /** {@code hukouType}, present on {@code MATCH}. */
  enum HukouType {
    LOCAL,
    NON_LOCAL
  }

  /** {@code relation.status}. */
  enum RelationStatus {
    MATCH(CheckResult.MATCH),
    MISMATCH(CheckResult.MISMATCH),
    UNKNOWN(CheckResult.UNKNOWN);

    final CheckResult result;

    RelationStatus(CheckResult result) {
      this.result = result;
    }
  }

  static SourceAnswer read(JsonNode body) {
    AnswerReader answer = AnswerReader.of(Source.HOUSEHOLD, body);
    List<Check> checks = new ArrayList<>();
    Map<Detail, String> details = new EnumMap<>(Detail.class);

    AnswerReader child = answer.object("child");
    PersonStatus childStatus = child.oneOf("status", PersonStatus.class);
    checks.add(Check.of(Fact.CHILD_IDENTITY, childStatus.result));
    if (childStatus == PersonStatus.MATCH) {
      details.put(Detail.CHILD_HUKOU_TYPE, child.oneOf("hukouType", HukouType.class).name());
      details.put(Detail.CHILD_HUKOU_REGION, child.regionCode("regionCode"));
    }

    AnswerReader guardian = answer.object("guardian");
    PersonStatus guardianStatus = guardian.oneOf("status", PersonStatus.class);
    checks.add(Check.of(Fact.GUARDIAN_IDENTITY, guardianStatus.result));
    if (guardianStatus == PersonStatus.MATCH) {
      details.put(Detail.GUARDIAN_HUKOU_TYPE, guardian.oneOf("hukouType", HukouType.class).name());
      // Not kept (no detail needs it), but a MATCH without it is not the documented answer.
      guardian.regionCode("regionCode");
    }

    AnswerReader relation = answer.object("relation");
    RelationStatus relationStatus = relation.oneOf("status", RelationStatus.class);
    boolean apart = !relation.optionalBoolean("sameHousehold").orElse(true);
    checks.add(
        relationStatus == RelationStatus.MATCH && apart
            ? new Check(Fact.GUARDIANSHIP, CheckResult.MATCH, NOT_SAME_HOUSEHOLD)
            : Check.of(Fact.GUARDIANSHIP, relationStatus.result));

    return new SourceAnswer(checks, details);
  }
}
