package gx.enrollment.mocks.internal.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gx.enrollment.mocks.population.Family;
import gx.enrollment.mocks.population.SocialSecurity;
import gx.enrollment.mocks.population.SyntheticPopulation;
import java.util.Optional;

/**
 * {@code POST /social-security/v1/verify}: {@code CONTRIBUTING} when paying now in the asked
 * region's city, {@code LAPSED} when not paying now, {@code OTHER_REGION} when paying elsewhere;
 * {@code NAME_MISMATCH}; {@code NOT_FOUND}. Months are reported as they are: the gateway judges
 * them against the region's policy.
 */
public final class SocialSecurityResponder implements SourceResponder {

  private final SyntheticPopulation population;

  public SocialSecurityResponder(SyntheticPopulation population) {
    this.population = population;
  }

  @Override
  public Answer answer(JsonNode request, String requestId, Variant variant) {
    String idNumber = JsonFields.idNumber(request, "idNumber", "idNumber");
    String name = JsonFields.name(request, "name", "name");
    String regionCode = JsonFields.regionCode(request, "regionCode", "regionCode");

    ObjectNode answer = JsonFields.MAPPER.createObjectNode();
    Optional<Family> holder =
        population.familyOfGuardian(idNumber).filter(family -> family.socialSecurity() != null);
    if (holder.isEmpty()) {
      answer.put("status", "NOT_FOUND");
    } else if (!Regions.sameName(holder.get().guardian().name(), name)) {
      answer.put("status", "NAME_MISMATCH");
    } else {
      SocialSecurity record = holder.get().socialSecurity();
      String status =
          !record.contributing()
              ? "LAPSED"
              : Regions.sameCity(record.regionCode(), regionCode) ? "CONTRIBUTING" : "OTHER_REGION";
      answer.put("status", status);
      answer.put("regionCode", record.regionCode());
      answer.put("employer", record.employer());
      answer.put("continuousMonths", record.continuousMonths());
      answer.put("lastPaidMonth", record.lastPaidMonth().toString());
    }
    return Answer.ok(variant.applyTo(answer));
  }
}
