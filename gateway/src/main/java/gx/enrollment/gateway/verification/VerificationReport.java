package gx.enrollment.gateway.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceResult;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one submission: what each of the four sources said (unused ones {@code SKIPPED}),
 * the findings, and the recommendation.
 *
 * @param carriedOver the sources not asked again because a supplement left their question unchanged
 *     and their last answer confirmed every fact: their results are those of the previous report
 */
public record VerificationReport(
    String verificationId,
    Outcome outcome,
    List<SourceResult> sources,
    List<Finding> findings,
    OffsetDateTime completedAt,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<Source> carriedOver) {

  public VerificationReport {
    sources = List.copyOf(sources);
    findings = List.copyOf(findings);
    carriedOver = carriedOver == null ? List.of() : List.copyOf(carriedOver);
  }

  /** A report whose every result was asked for now. */
  public VerificationReport(
      String verificationId,
      Outcome outcome,
      List<SourceResult> sources,
      List<Finding> findings,
      OffsetDateTime completedAt) {
    this(verificationId, outcome, sources, findings, completedAt, List.of());
  }

  /** This report, noting that the results of {@code sources} were carried over, not asked. */
  VerificationReport carryingOver(List<Source> sources) {
    return new VerificationReport(
        verificationId, outcome, this.sources, findings, completedAt, sources);
  }

  boolean carriedOver(Source source) {
    return carriedOver.contains(source);
  }
}
