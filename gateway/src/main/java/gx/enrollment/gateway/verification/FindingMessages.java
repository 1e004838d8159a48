package gx.enrollment.gateway.verification;

import gx.enrollment.connectors.Check;
import gx.enrollment.connectors.CheckResult;
import gx.enrollment.connectors.Fact;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.UnavailableReason;

/** The reviewer-facing words of findings, kept apart from the rules that raise them. */
final class FindingMessages {

  private FindingMessages() {}

  static String unavailable(Source source, UnavailableReason reason) {
    String why =
        switch (reason) {
          case TIMEOUT -> "未在时限内答复";
          case CIRCUIT_OPEN -> "暂不可用（熔断中）";
          case UPSTREAM_ERROR -> "返回错误";
          case BAD_RESPONSE -> "答复无法识别";
          case REJECTED -> "繁忙，拒绝了查询";
          case SKIPPED -> "未查询";
        };
    return source.label()
        + why
        + "，无法核验；请审核上传的"
        + material(source)
        + "。("
        + source.label()
        + " could not be queried: "
        + reason
        + ")";
  }

  static String check(Check check) {
    String text = subject(check.fact()) + "：" + phrase(check.result());
    return check.detail() == null ? text : text + "（" + check.detail() + "）";
  }

  static String migrantSectionsMissing() {
    return "户籍核验显示监护人为非本地户籍，但未填报居住证和就业信息；请核实是否属于随迁子女，并审核相应材料。";
  }

  static String formDiffersFromArea(String areaName, String areaForm, String submittedForm) {
    return areaName + "招生政策默认使用" + areaForm + "表，本次提交为" + submittedForm + "表；请核实适用情形。";
  }

  static String priorityCategory(String label) {
    return "申报优抚对象类别：" + label + "；数据源不核验此项，请审核证明材料。";
  }

  static String noChecks(Source source) {
    return source.label() + "答复中没有可用的核验结果；请审核上传的" + material(source) + "。";
  }

  private static String material(Source source) {
    return switch (source) {
      case HOUSEHOLD -> "户口簿";
      case RESIDENCE_PERMIT -> "居住证";
      case SOCIAL_SECURITY -> "就业和社保证明";
      case REAL_ESTATE -> "不动产权证书";
    };
  }

  private static String subject(Fact fact) {
    return switch (fact) {
      case CHILD_IDENTITY -> "学生身份";
      case GUARDIAN_IDENTITY -> "监护人身份";
      case GUARDIANSHIP -> "监护关系";
      case RESIDENCE_PERMIT -> "监护人居住证";
      case EMPLOYMENT -> "监护人社保缴纳";
      case CONTRIBUTION_PERIOD -> "社保连续缴费月数";
      case PROPERTY_OWNERSHIP -> "房产权属";
      case PROPERTY_LOCATION -> "房产所在地";
    };
  }

  private static String phrase(CheckResult result) {
    return switch (result) {
      case MATCH -> "一致";
      case NAME_MISMATCH -> "姓名与登记信息不一致";
      case NOT_FOUND -> "未查到登记记录";
      case MISMATCH -> "与登记信息不符";
      case EXPIRED -> "已过期";
      case OTHER_REGION -> "不在报名地区";
      case LAPSED -> "目前未缴纳";
      case INSUFFICIENT -> "不足政策要求";
      case OWNER_MISMATCH -> "监护人不是登记的权利人";
      case SEALED -> "处于查封状态，需审核人员判断";
      case UNKNOWN -> "无法确定";
    };
  }
}
