package gx.enrollment.mocks.internal.http;

import gx.enrollment.mocks.Upstream;
import java.util.EnumMap;
import java.util.Map;

/**
 * Requests received per upstream, and requests in flight across all upstreams with the peak since
 * the last {@link #reset()}: how a test proves that the gateway asks its sources in parallel.
 *
 * <p>A reset starts a new epoch: requests that arrived before it (say, one a hanging stub still
 * holds) are neither counted nor in flight afterwards, so one test's leftovers do not inflate the
 * next test's peak.
 */
public final class RequestCounters {

  private final Map<Upstream, Integer> received = new EnumMap<>(Upstream.class);
  private int epoch;
  private int inFlight;
  private int peak;

  public RequestCounters() {
    reset();
  }

  /** Counts an arriving request; the returned epoch is handed back to {@link #completed(int)}. */
  synchronized int arrived(Upstream upstream) {
    received.merge(upstream, 1, Integer::sum);
    inFlight++;
    peak = Math.max(peak, inFlight);
    return epoch;
  }

  synchronized void completed(int arrivalEpoch) {
    if (arrivalEpoch == epoch) {
      inFlight--;
    }
  }

  public synchronized int received(Upstream upstream) {
    return received.get(upstream);
  }

  public synchronized int inFlight() {
    return inFlight;
  }

  public synchronized int peakInFlight() {
    return peak;
  }

  /** Zeroes every count and forgets the requests in flight. */
  public synchronized void reset() {
    for (Upstream upstream : Upstream.values()) {
      received.put(upstream, 0);
    }
    epoch++;
    inFlight = 0;
    peak = 0;
  }
}
