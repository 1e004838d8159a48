package gx.enrollment.mocks.internal.http;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import gx.enrollment.mocks.Upstream;

/**
 * A WireMock extension that builds the Jetty 12 server with request tracking; registered as an
 * extension it takes precedence over the default server factory.
 */
public final class TrackingHttpServerFactory implements HttpServerFactory {

  private final RequestTrackingFilter.Tracking tracking;

  public TrackingHttpServerFactory(RequestCounters counters, Upstream upstream) {
    this.tracking = new RequestTrackingFilter.Tracking(counters, upstream);
  }

  @Override
  public String getName() {
    return "enrollment-tracking-jetty12";
  }

  @Override
  public HttpServer buildHttpServer(
      Options options,
      AdminRequestHandler adminRequestHandler,
      StubRequestHandler stubRequestHandler) {
    return new TrackingJetty12HttpServer(
        options, adminRequestHandler, stubRequestHandler, tracking);
  }
}
