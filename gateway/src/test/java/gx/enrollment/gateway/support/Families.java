package gx.enrollment.gateway.support;

import static gx.enrollment.gateway.support.Submissions.map;

import gx.enrollment.mocks.population.Family;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Submissions a synthetic family's guardian would send, as JSON-shaped maps. */
public final class Families {

  private Families() {}

  /**
   * The family's submission on {@code form} ({@code A} or {@code B}); {@code null} picks the form
   * the family's situation calls for: B for a priority group, A otherwise. On form A a migrant
   * guardian declares the residence permit and employment, and an owned home its certificate.
   */
  public static Map<String, Object> submission(Family family, @Nullable String form) {
    String chosen = form != null ? form : family.priorityCategory() != null ? "B" : "A";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schoolYear", 2024);
    body.put("stage", family.stage().name());
    body.put("formType", chosen);
    body.put("regionCode", family.regionCode());
    body.put("channel", "ONLINE");
    body.put(
        "student", map("idNumber", family.child().idNumber(), "name", family.declaredChildName()));
    body.put(
        "guardian",
        map(
            "idNumber", family.guardian().idNumber(),
            "name", family.guardian().name(),
            "relation", family.relation(),
            "phone", family.phone()));
    if (chosen.equals("A")) {
      if (family.migrant()) {
        body.put("residencePermit", map("regionCode", family.regionCode()));
        String employer =
            family.socialSecurity() == null ? "某务工单位" : family.socialSecurity().employer();
        body.put("employment", map("employer", employer));
      }
      var property = family.property();
      body.put(
          "residence",
          property == null
              ? map("kind", "RENTED", "address", "租住地址")
              : map(
                  "kind", "OWNED",
                  "address", property.address(),
                  "certificateNumber", property.certificateNumber()));
    } else if (family.priorityCategory() != null) {
      body.put("priorityCategory", family.priorityCategory());
    }
    body.put(
        "consent",
        map(
            "consentId",
            "c-" + family.key(),
            "grantedAt",
            "2024-07-01T09:30:00+08:00",
            "realNameVerified",
            true));
    return body;
  }
}
