package gx.enrollment.gateway.edge;

/** What kind of caller a client is; the operation table says which roles may call what. */
public enum Role {
  /** An online portal's backend (网上报名): ONLINE submissions, drafts, the guardian's reads. */
  PORTAL,
  /** An offline registration point (线下报名点): OFFLINE submissions and their applications. */
  OFFLINE_POINT,
  /** The education bureau's reviewer tool: decisions, reads, material downloads, lotteries. */
  REVIEWER,
  /** Operations staff: {@code /api/v1/ops/**} and the actuator. */
  OPERATOR
}
