package gx.enrollment.mocks.internal.http;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty12.Jetty12HttpServer;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/** WireMock's Jetty 12 server with a {@link RequestTrackingFilter} on the stub context. */
final class TrackingJetty12HttpServer extends Jetty12HttpServer {

  // Assigned by the super constructor (through the decorate hook), so it must have no initializer.
  private ServletContextHandler mockServiceContext;

  TrackingJetty12HttpServer(
      Options options,
      AdminRequestHandler adminRequestHandler,
      StubRequestHandler stubRequestHandler,
      RequestTrackingFilter.Tracking tracking) {
    super(options, adminRequestHandler, stubRequestHandler);
    mockServiceContext.setAttribute(RequestTrackingFilter.ATTRIBUTE, tracking);
  }

  @Override
  protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
    mockServiceContext = context;
    // Without async support on the filter, WireMock would quietly answer delays synchronously.
    context
        .addFilter(RequestTrackingFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST))
        .setAsyncSupported(true);
  }
}
