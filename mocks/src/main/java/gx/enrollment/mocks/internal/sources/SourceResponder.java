package gx.enrollment.mocks.internal.sources;

import com.fasterxml.jackson.databind.JsonNode;

/** One upstream's answers to well-formed, authorized requests. */
public interface SourceResponder {

  /**
   * The answer to this request body.
   *
   * @throws RequestRejected if a field is missing or malformed
   */
  Answer answer(JsonNode request, String requestId, Variant variant);
}
