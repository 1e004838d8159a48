package gx.enrollment.mocks;

import static gx.enrollment.mocks.StubClient.map;

import gx.enrollment.mocks.population.Family;
import java.util.List;
import java.util.Map;

/** The contract's request bodies for what a family's guardian declares. */
final class SourceRequests {

  private SourceRequests() {}

  static Map<String, Object> household(Family family) {
    return household(family, family.declaredChildName(), family.relation());
  }

  static Map<String, Object> household(Family family, String childName, String relation) {
    return map(
        "child",
        map("idNumber", family.child().idNumber(), "name", childName),
        "guardian",
        map(
            "idNumber",
            family.guardian().idNumber(),
            "name",
            family.guardian().name(),
            "relation",
            relation));
  }

  /** Residence-permit and social-security requests have the same shape. */
  static Map<String, Object> guardianIn(Family family, String regionCode) {
    return map(
        "idNumber",
        family.guardian().idNumber(),
        "name",
        family.guardian().name(),
        "regionCode",
        regionCode);
  }

  static Map<String, Object> guardianIn(Family family) {
    return guardianIn(family, family.regionCode());
  }

  static Map<String, Object> realEstate(Family family) {
    return realEstate(family.guardian().idNumber(), family.property().certificateNumber());
  }

  static Map<String, Object> realEstate(String ownerIdNumber, String certificateNumber) {
    return map("ownerIdNumbers", List.of(ownerIdNumber), "certificateNumber", certificateNumber);
  }

  static Map<String, Object> sms(String phone) {
    return map(
        "phone",
        phone,
        "template",
        "ENROLLMENT_STATUS",
        "params",
        map("status", "办理中", "ref", "GX2024-000123"));
  }
}
