package gx.enrollment.mocks.internal.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The WireMock extension that answers a source's requests from the population. Stub mappings opt in
 * by naming {@link #NAME}; the mapping's own delay (for latency faults) is kept, and the
 * transformer parameter {@link #VARIANT} distorts the answer for the contract-breaking faults.
 */
public final class SourceAnswerTransformer implements ResponseDefinitionTransformerV2 {

  /** The name stub mappings use to be answered by this transformer. */
  public static final String NAME = "government-source-answer";

  /** Transformer parameter: the {@link Variant} name. */
  public static final String VARIANT = "variant";

  private static final String JSON = "application/json;charset=UTF-8";

  private final RequestChecks checks;
  private final SourceResponder responder;

  public SourceAnswerTransformer(String token, SourceResponder responder) {
    this.checks = new RequestChecks(token);
    this.responder = responder;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    ResponseDefinition configured = serveEvent.getResponseDefinition();
    @Nullable String requestId = request.getHeader(RequestChecks.REQUEST_ID);
    try {
      String checkedRequestId = checks.verify(request);
      Answer answer =
          responder.answer(
              JsonFields.parse(request.getBody()),
              checkedRequestId,
              variant(serveEvent.getTransformerParameters()));
      return respond(configured, answer.status(), answer.body(), requestId);
    } catch (RequestRejected rejected) {
      ObjectNode error = JsonFields.MAPPER.createObjectNode();
      error.put("code", rejected.code());
      error.put("message", rejected.getMessage());
      ResponseDefinition response = respond(configured, rejected.status(), error, requestId);
      return rejected.status() == 401
          ? ResponseDefinitionBuilder.like(response)
              .but()
              .withHeader("WWW-Authenticate", "Bearer")
              .build()
          : response;
    }
  }

  private static Variant variant(@Nullable Parameters parameters) {
    if (parameters == null || !parameters.containsKey(VARIANT)) {
      return Variant.NORMAL;
    }
    return Variant.valueOf(parameters.getString(VARIANT));
  }

  private static ResponseDefinition respond(
      ResponseDefinition configured, int status, ObjectNode body, @Nullable String requestId) {
    ResponseDefinitionBuilder response =
        ResponseDefinitionBuilder.like(configured)
            .but()
            .withStatus(status)
            .withHeader("Content-Type", JSON)
            .withBody(bytes(body));
    if (requestId != null) {
      response.withHeader(RequestChecks.REQUEST_ID, requestId);
    }
    return response.build();
  }

  private static byte[] bytes(ObjectNode body) {
    try {
      return JsonFields.MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
