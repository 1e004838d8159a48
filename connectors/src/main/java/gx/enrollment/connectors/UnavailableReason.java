package gx.enrollment.connectors;

/** Why a source gave no usable answer. */
public enum UnavailableReason {
  /** No answer within the attempt timeout or the verification's deadline. */
  TIMEOUT,
  /** The source's circuit breaker is open: it was not called. */
  CIRCUIT_OPEN,
  /** Connection refused or reset, a 5xx, or a 400/401 (our request or credentials are wrong). */
  UPSTREAM_ERROR,
  /** A body that is not the documented JSON, a missing field or an undocumented status. */
  BAD_RESPONSE,
  /** The source said 429 too many requests, or our own bulkhead for it was full. */
  REJECTED,
  /** The submission did not need this source. */
  SKIPPED
}
