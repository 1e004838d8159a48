package gx.enrollment.mocks.internal.sources;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import gx.enrollment.mocks.Upstream;
import java.util.List;

/**
 * The stub mappings of one upstream when nothing is wrong: the operation answered by the {@link
 * SourceAnswerTransformer}, other methods on its path {@code 405}, any other path {@code 404}, both
 * with the contract's error body. Faults are mappings of a higher priority (a lower number).
 */
public final class OperationMappings {

  /** Priority of the operation's normal mapping; fault mappings use a lower number. */
  public static final int NORMAL_PRIORITY = 10;

  private OperationMappings() {}

  public static List<StubMapping> of(Upstream upstream) {
    return List.of(
        post(urlPathEqualTo(upstream.path()))
            .atPriority(NORMAL_PRIORITY)
            .willReturn(aResponse().withTransformers(SourceAnswerTransformer.NAME))
            .build(),
        any(urlPathEqualTo(upstream.path()))
            .atPriority(NORMAL_PRIORITY + 10)
            .willReturn(
                ErrorResponses.error(405, "METHOD_NOT_ALLOWED", "only POST is supported")
                    .withHeader("Allow", "POST"))
            .build(),
        any(anyUrl())
            .atPriority(NORMAL_PRIORITY + 20)
            .willReturn(
                ErrorResponses.error(404, "NOT_FOUND", "no such operation; use " + upstream.path()))
            .build());
  }
}
