package gx.enrollment.gateway.material;

/**
 * The form section a material proves (seed, questions 8–9 and the form's sections): what a parent
 * picks when uploading, and what a reviewer sees next to the file.
 */
public enum MaterialSection {
  /** 学生信息: the child's birth certificate (出生医学证明) or ID card. */
  STUDENT_IDENTITY("学生身份证明（出生医学证明等）"),
  /** 法定监护人基本信息: the guardian's ID card. */
  GUARDIAN_IDENTITY("法定监护人身份证"),
  /** 居民户口簿 of the child and the guardian (forms A and B). */
  HOUSEHOLD("居民户口簿"),
  /** 法定监护人居住证信息 (form A, migrant guardian). */
  RESIDENCE_PERMIT("居住证"),
  /** 法定监护人就业信息: labour contract, business licence, social-security record (form A). */
  EMPLOYMENT("就业证明（劳动合同、营业执照、社保缴费证明等）"),
  /** 家庭合法稳定住所 / 家庭房产信息: 不动产权证书, purchase or rental contract (form A). */
  RESIDENCE("合法稳定住所证明（不动产权证书、购房或租赁合同等）"),
  /** 优抚对象: the proof of the priority category (form B). */
  PRIORITY_CATEGORY("优抚对象证明"),
  /** Anything else the area's policy or the reviewer asks for. */
  OTHER("其他材料");

  private final String label;

  MaterialSection(String label) {
    this.label = label;
  }

  /** The section as parents see it. */
  public String label() {
    return label;
  }
}
