package gx.enrollment.mocks.internal.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gx.enrollment.mocks.population.Guardianship;
import gx.enrollment.mocks.population.Resident;
import gx.enrollment.mocks.population.SyntheticPopulation;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /hukou/v1/verify}: per person {@code MATCH} / {@code NAME_MISMATCH} / {@code
 * NOT_FOUND} ({@code regionCode} and {@code hukouType} only on {@code MATCH}), and the relation
 * {@code MATCH} / {@code MISMATCH}, or {@code UNKNOWN} unless both persons match.
 */
public final class HouseholdRegistrationResponder implements SourceResponder {

  private static final Set<String> RELATIONS = Set.of("FATHER", "MOTHER", "GUARDIAN");

  private final SyntheticPopulation population;

  public HouseholdRegistrationResponder(SyntheticPopulation population) {
    this.population = population;
  }

  @Override
  public Answer answer(JsonNode request, String requestId, Variant variant) {
    JsonNode child = JsonFields.object(request, "child", "child");
    String childId = JsonFields.idNumber(child, "idNumber", "child.idNumber");
    String childName = JsonFields.name(child, "name", "child.name");
    JsonNode guardian = JsonFields.object(request, "guardian", "guardian");
    String guardianId = JsonFields.idNumber(guardian, "idNumber", "guardian.idNumber");
    String guardianName = JsonFields.name(guardian, "name", "guardian.name");
    String relation = JsonFields.oneOf(guardian, "relation", "guardian.relation", RELATIONS);

    ObjectNode answer = JsonFields.MAPPER.createObjectNode();
    ObjectNode childAnswer = answer.putObject("child");
    ObjectNode guardianAnswer = answer.putObject("guardian");
    boolean bothMatch =
        person(childId, childName, childAnswer) & person(guardianId, guardianName, guardianAnswer);
    ObjectNode relationAnswer = answer.putObject("relation");
    if (!bothMatch) {
      relationAnswer.put("status", "UNKNOWN");
    } else {
      Optional<Guardianship> recorded =
          population
              .guardianshipOf(childId)
              .filter(guardianship -> guardianship.guardianIdNumber().equals(guardianId));
      boolean matches = recorded.map(g -> g.relation().equals(relation)).orElse(false);
      relationAnswer.put("status", matches ? "MATCH" : "MISMATCH");
      relationAnswer.put("sameHousehold", recorded.map(Guardianship::sameHousehold).orElse(false));
    }
    return Answer.ok(variant.applyTo(answer));
  }

  /** Fills one person's answer; whether it is a {@code MATCH}. */
  private boolean person(String idNumber, String name, ObjectNode answer) {
    Optional<Resident> registered = population.registeredResident(idNumber);
    if (registered.isEmpty()) {
      answer.put("status", "NOT_FOUND");
      return false;
    }
    Resident resident = registered.get();
    if (!Regions.sameName(resident.name(), name)) {
      answer.put("status", "NAME_MISMATCH");
      return false;
    }
    answer.put("status", "MATCH");
    answer.put("regionCode", resident.hukouRegion());
    answer.put("hukouType", resident.localHukou() ? "LOCAL" : "NON_LOCAL");
    return true;
  }
}
