package gx.enrollment.gateway.verification;

/** The recommendation a report gives the reviewer. */
public enum Outcome {
  /** Every fact the submission needs was confirmed by a source. */
  VERIFIED,
  /** At least one needed fact is contradicted by a source. */
  INCONSISTENT,
  /** Nothing contradicted, but something needed could not be verified: check the materials. */
  NEEDS_REVIEW
}
