package gx.enrollment.mocks.internal.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** How a computed answer is distorted: not at all, or in one of the contract-breaking ways. */
public enum Variant {
  /** The answer as computed. */
  NORMAL,
  /** Every {@code status} becomes {@code SUSPENDED}, a value the contract does not list. */
  UNDOCUMENTED_STATUS,
  /** Every {@code status} is left out. */
  MISSING_FIELD;

  /** The value the undocumented variant puts in every {@code status}. */
  public static final String UNDOCUMENTED = "SUSPENDED";

  /** The answer body, distorted in place. */
  ObjectNode applyTo(ObjectNode answer) {
    if (this != NORMAL) {
      distort(answer);
    }
    return answer;
  }

  private void distort(ObjectNode node) {
    if (node.has("status")) {
      if (this == UNDOCUMENTED_STATUS) {
        node.put("status", UNDOCUMENTED);
      } else {
        node.remove("status");
      }
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (field.getValue() instanceof ObjectNode object) {
        distort(object);
      }
    }
  }
}
