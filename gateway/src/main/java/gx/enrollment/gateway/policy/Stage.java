package gx.enrollment.gateway.policy;

/** The grade a child registers for. */
public enum Stage {
  /** 小学一年级 (幼升小). */
  PRIMARY("小学一年级"),
  /** 初中一年级 (小升初). */
  JUNIOR("初中一年级");

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
