package gx.enrollment.connectors.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.http.SourceHttpClient;
import java.time.Duration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

/**
 * The first request of a JVM, and the first stub match of a WireMock server, load Reactor Netty,
 * Jackson and WireMock's matchers: up to a second on a busy machine. Test classes whose attempt
 * timeouts are a few hundred milliseconds call this once first, so that their tests measure the
 * connector, not class loading.
 */
public final class HttpWarmup {

  private HttpWarmup() {}

  /** Sends one JSON POST through {@link SourceHttpClient} to a throwaway stub. */
  public static void warmUp(WireMockExtension wireMock) {
    MappingBuilder warmup = post("/__warmup").willReturn(okJson("{}"));
    StubMapping stub = wireMock.stubFor(warmup);
    try (SourceHttpClient http =
        SourceHttpClient.create(
            Source.HOUSEHOLD,
            TestSettings.against(wireMock.baseUrl()).build(),
            WebClient.builder())) {
      StepVerifier.create(
              http.post(
                  "/__warmup",
                  SourceHttpClient.newBody().put("warm", true),
                  Results.within(Duration.ofSeconds(10))))
          .expectNextCount(1)
          .expectComplete()
          .verify(Duration.ofSeconds(10));
    } finally {
      wireMock.removeStub(stub);
    }
  }
}
