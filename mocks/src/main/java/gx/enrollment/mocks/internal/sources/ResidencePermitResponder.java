package gx.enrollment.mocks.internal.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gx.enrollment.mocks.population.Family;
import gx.enrollment.mocks.population.Permit;
import gx.enrollment.mocks.population.SyntheticPopulation;
import java.util.Optional;

/**
 * {@code POST /residence-permit/v1/verify}: {@code VALID} when a permit is valid today in the asked
 * region's city, else {@code EXPIRED} or {@code OTHER_REGION}; {@code NAME_MISMATCH}; {@code
 * NOT_FOUND}. The permit's region and dates are disclosed only to the right name.
 */
public final class ResidencePermitResponder implements SourceResponder {

  private final SyntheticPopulation population;

  public ResidencePermitResponder(SyntheticPopulation population) {
    this.population = population;
  }

  @Override
  public Answer answer(JsonNode request, String requestId, Variant variant) {
    String idNumber = JsonFields.idNumber(request, "idNumber", "idNumber");
    String name = JsonFields.name(request, "name", "name");
    String regionCode = JsonFields.regionCode(request, "regionCode", "regionCode");

    ObjectNode answer = JsonFields.MAPPER.createObjectNode();
    Optional<Family> holder =
        population.familyOfGuardian(idNumber).filter(family -> family.permit() != null);
    if (holder.isEmpty()) {
      answer.put("status", "NOT_FOUND");
    } else if (!Regions.sameName(holder.get().guardian().name(), name)) {
      answer.put("status", "NAME_MISMATCH");
    } else {
      Permit permit = holder.get().permit();
      // The contract has no "not yet valid": a permit not valid today counts as expired.
      String status =
          !permit.validOn(population.today())
              ? "EXPIRED"
              : Regions.sameCity(permit.regionCode(), regionCode) ? "VALID" : "OTHER_REGION";
      answer.put("status", status);
      answer.put("regionCode", permit.regionCode());
      answer.put("validFrom", permit.validFrom().toString());
      answer.put("validTo", permit.validTo().toString());
    }
    return Answer.ok(variant.applyTo(answer));
  }
}
