package gx.enrollment.connectors;

/** Whether a source answered. */
public enum SourceStatus {
  /** The source answered with a documented body. */
  OK,
  /** The source could not be asked or gave no usable answer; see {@link UnavailableReason}. */
  UNAVAILABLE,
  /** The submission did not need this source. */
  SKIPPED
}
