package gx.enrollment.connectors;

/**
 * Non-identifying facts a source returned that reviewers or the aggregation need. Kept apart from
 * checks so that the report can say, e.g., until when a permit is valid without storing the answer
 * whole.
 */
public enum Detail {
  /** {@code LOCAL} or {@code NON_LOCAL} (registered in Guangxi or not). */
  CHILD_HUKOU_TYPE,
  /** {@code LOCAL} or {@code NON_LOCAL}. */
  GUARDIAN_HUKOU_TYPE,
  /** The 6-digit region code where the child's household is registered. */
  CHILD_HUKOU_REGION,
  PERMIT_REGION,
  PERMIT_VALID_FROM,
  PERMIT_VALID_TO,
  CONTRIBUTION_REGION,
  CONTINUOUS_MONTHS,
  LAST_PAID_MONTH,
  PROPERTY_REGION,
  PROPERTY_REGISTERED_ON,
  PROPERTY_MORTGAGED
}
