package gx.enrollment.gateway.policy;

/** The two registration forms of the seed. */
public enum FormType {
  /** A表 (详表): residence permit, employment and property sections, with proofs. */
  A,
  /** B表 (简表): household register only; also for priority groups (优抚对象). */
  B
}
