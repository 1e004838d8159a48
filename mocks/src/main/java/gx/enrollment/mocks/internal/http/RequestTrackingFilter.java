package gx.enrollment.mocks.internal.http;

import gx.enrollment.mocks.FaultScenario;
import gx.enrollment.mocks.Upstream;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Counts a stub request from its arrival until its response is complete, also when WireMock answers
 * it asynchronously after a delay.
 */
public final class RequestTrackingFilter implements Filter {

  /** Servlet-context attribute holding this server's {@link Tracking}. */
  static final String ATTRIBUTE = RequestTrackingFilter.class.getName();

  /**
   * How long an asynchronous response may take. WireMock starts the async context without a timeout
   * of its own on Jetty 12, so the servlet default of 30 s would cut a hang short with a 500.
   */
  static final Duration ASYNC_TIMEOUT = FaultScenario.MAX_DELAY.plusMinutes(1);

  /** Which counters a server reports to, as which upstream. */
  record Tracking(RequestCounters counters, Upstream upstream) {}

  private @Nullable Tracking tracking;

  @Override
  public void init(FilterConfig config) {
    tracking = (Tracking) config.getServletContext().getAttribute(ATTRIBUTE);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Tracking current = tracking;
    if (current == null) {
      chain.doFilter(request, response);
      return;
    }
    int epoch = current.counters().arrived(current.upstream());
    Completion completion = new Completion(current.counters(), epoch);
    try {
      chain.doFilter(request, response);
    } finally {
      if (request.isAsyncStarted()) {
        request.getAsyncContext().setTimeout(ASYNC_TIMEOUT.toMillis());
        request.getAsyncContext().addListener(completion);
      } else {
        completion.done();
      }
    }
  }

  /** Decrements once, whichever way the exchange ends. */
  private static final class Completion implements AsyncListener {
    private final RequestCounters counters;
    private final int epoch;
    private final AtomicBoolean done = new AtomicBoolean();

    Completion(RequestCounters counters, int epoch) {
      this.counters = counters;
      this.epoch = epoch;
    }

    void done() {
      if (done.compareAndSet(false, true)) {
        counters.completed(epoch);
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {
      done();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      done();
    }

    @Override
    public void onError(AsyncEvent event) {
      done();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }
  }
}
