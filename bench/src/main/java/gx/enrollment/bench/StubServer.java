package gx.enrollment.bench;

import gx.enrollment.mocks.FaultScenario;
import gx.enrollment.mocks.GovernmentStubs;
import gx.enrollment.mocks.StubOptions;
import gx.enrollment.mocks.Upstream;
import java.time.Duration;

/**
 * The government stubs for the benchmark, in their own process so that their CPU is not counted as
 * the gateway's: loopback only, asynchronous responses, no request journal, many container threads,
 * and a fixed delay per source applied to every answer (the LATENCY fault delays the real answer,
 * NOT_FOUND included).
 *
 * <p>Arguments: {@code portBase threads householdMs permitMs socialSecurityMs realEstateMs}.
 */
public final class StubServer {

  private StubServer() {}

  public static void main(String[] args) throws InterruptedException {
    int portBase = Integer.parseInt(args[0]);
    int threads = Integer.parseInt(args[1]);
    Upstream[] sources = {
      Upstream.HOUSEHOLD, Upstream.RESIDENCE_PERMIT, Upstream.SOCIAL_SECURITY, Upstream.REAL_ESTATE
    };
    GovernmentStubs stubs =
        GovernmentStubs.start(
            StubOptions.standalone()
                .withPortBase(portBase)
                .withBindAddress("127.0.0.1")
                .withAsynchronousResponses(true)
                .withRequestJournal(false)
                .withContainerThreads(threads));
    Runtime.getRuntime().addShutdownHook(new Thread(stubs::close, "bench-stubs-shutdown"));
    for (int i = 0; i < sources.length; i++) {
      long ms = Long.parseLong(args[2 + i]);
      if (ms > 0) {
        stubs.fault(sources[i], FaultScenario.latency(Duration.ofMillis(ms)));
      }
      System.out.println(sources[i] + " " + stubs.baseUrl(sources[i]) + " delay " + ms + " ms");
    }
    System.out.println("BENCH-STUBS-READY");
    System.out.flush();
    Thread.currentThread().join();
  }
}
