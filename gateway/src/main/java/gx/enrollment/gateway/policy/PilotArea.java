package gx.enrollment.gateway.policy;

import java.util.List;

/**
 * One county-level unit of the pilot with its policy resolved (defaults applied).
 *
 * @param code GB/T 2260 code; a city's own code (…00) stands for 市直属
 */
public record PilotArea(
    String code,
    String city,
    String name,
    FormType form,
    List<String> phones,
    String consultationHours,
    int minimumSocialSecurityMonths) {

  public PilotArea {
    phones = List.copyOf(phones);
  }

  /** E.g. {@code 钦州市钦南区} or {@code 钦州市市直属}. */
  public String fullName() {
    return city + name;
  }
}
