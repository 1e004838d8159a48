package gx.enrollment.mocks.internal.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gx.enrollment.mocks.population.Property;
import gx.enrollment.mocks.population.SyntheticPopulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /real-estate/v1/verify}: {@code MATCH} when the certificate exists and one of the
 * given IDs owns it, {@code SEALED} when such a property is under a court seal, {@code
 * OWNER_MISMATCH} when none of them owns it (only the region is disclosed then), {@code NOT_FOUND}.
 */
public final class RealEstateResponder implements SourceResponder {

  private final SyntheticPopulation population;

  public RealEstateResponder(SyntheticPopulation population) {
    this.population = population;
  }

  @Override
  public Answer answer(JsonNode request, String requestId, Variant variant) {
    List<String> owners = ownerIdNumbers(request);
    String certificate = JsonFields.text(request, "certificateNumber", "certificateNumber");

    ObjectNode answer = JsonFields.MAPPER.createObjectNode();
    Optional<Property> found = population.property(certificate);
    if (found.isEmpty()) {
      answer.put("status", "NOT_FOUND");
      return Answer.ok(variant.applyTo(answer));
    }
    Property property = found.get();
    boolean ownerMatched = property.ownedByAnyOf(owners);
    if (!ownerMatched) {
      answer.put("status", "OWNER_MISMATCH");
      answer.put("regionCode", property.regionCode());
      answer.put("ownerMatched", false);
      return Answer.ok(variant.applyTo(answer));
    }
    answer.put("status", property.sealed() ? "SEALED" : "MATCH");
    answer.put("regionCode", property.regionCode());
    answer.put("address", property.address());
    answer.put("ownerMatched", true);
    answer.put("registeredOn", property.registeredOn().toString());
    answer.put("mortgaged", property.mortgaged());
    return Answer.ok(variant.applyTo(answer));
  }

  private static List<String> ownerIdNumbers(JsonNode request) {
    JsonNode array = request.get("ownerIdNumbers");
    if (array == null || array.isNull()) {
      throw RequestRejected.invalidField("ownerIdNumbers", "is required");
    }
    if (!array.isArray() || array.isEmpty()) {
      throw RequestRejected.invalidField("ownerIdNumbers", "must be a non-empty array");
    }
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode holder = JsonFields.MAPPER.createObjectNode().set("id", array.get(i));
      owners.add(JsonFields.idNumber(holder, "id", "ownerIdNumbers[" + i + "]"));
    }
    return owners;
  }
}
