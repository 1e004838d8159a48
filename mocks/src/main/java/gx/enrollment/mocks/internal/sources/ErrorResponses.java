package gx.enrollment.mocks.internal.sources;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Canned responses with the contract's {@code {"code","message"}} error body. */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static ResponseDefinitionBuilder error(int status, String code, String message) {
    ObjectNode body =
        JsonFields.MAPPER.createObjectNode().put("code", code).put("message", message);
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody(body.toString());
  }
}
