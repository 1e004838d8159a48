package gx.enrollment.gateway.application;

/** The statuses of an application (办件状态) of the seed, question 12, with their Chinese labels. */
public enum ApplicationStatus {
  /** 待收件: received; the system is verifying it. */
  RECEIVED("待收件"),
  /** 待受理: verified, waiting for the education bureau to accept it. */
  PENDING_ACCEPTANCE("待受理"),
  /** 办理中: accepted, under review. */
  IN_PROGRESS("办理中"),
  /** 待补正: the parent must fix information or materials. */
  NEEDS_SUPPLEMENT("待补正"),
  /** 已退件 / 不予受理: returned; the parent may apply again (再办一单). */
  RETURNED("已退件"),
  /** 已办结: the admission result is out. */
  COMPLETED("已办结"),
  /** 已撤销: withdrawn by the parent; irreversible. */
  WITHDRAWN("已撤销");

  private final String label;

  ApplicationStatus(String label) {
    this.label = label;
  }

  /** The status as parents see it. */
  public String label() {
    return label;
  }

  /**
   * Whether the application still holds the child's one place per school year. Must match the
   * partial unique index {@code applications_one_active_per_child}.
   */
  public boolean holdsTheChild() {
    return this != RETURNED && this != WITHDRAWN;
  }
}
