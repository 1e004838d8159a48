package gx.enrollment.connectors;

/** What a source said about one fact, and whether that confirms or contradicts the submission. */
public enum CheckResult {
  MATCH(Verdict.CONFIRMED),
  NAME_MISMATCH(Verdict.CONTRADICTED),
  NOT_FOUND(Verdict.CONTRADICTED),
  /** Not the guardian / not in the same household. */
  MISMATCH(Verdict.CONTRADICTED),
  EXPIRED(Verdict.CONTRADICTED),
  OTHER_REGION(Verdict.CONTRADICTED),
  LAPSED(Verdict.CONTRADICTED),
  /** Fewer continuous months of contribution than the region's policy requires. */
  INSUFFICIENT(Verdict.CONTRADICTED),
  OWNER_MISMATCH(Verdict.CONTRADICTED),
  /** Under a court seal: reviewers decide. */
  SEALED(Verdict.UNDETERMINED),
  /** The source could not tell (e.g. the relation when a person was not found). */
  UNKNOWN(Verdict.UNDETERMINED);

  /** How a result bears on the submission. */
  public enum Verdict {
    CONFIRMED,
    CONTRADICTED,
    UNDETERMINED
  }

  private final Verdict verdict;

  CheckResult(Verdict verdict) {
    this.verdict = verdict;
  }

  public Verdict verdict() {
    return verdict;
  }
}
