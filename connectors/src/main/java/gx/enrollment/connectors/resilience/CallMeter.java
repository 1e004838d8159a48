package gx.enrollment.connectors.resilience;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the requests of one guarded call and times it from the first request on. Attempts run on
 * different threads one after another, hence the atomics.
 */
final class CallMeter {

  private static final long NOT_STARTED = Long.MIN_VALUE;

  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicLong firstAttemptNanos = new AtomicLong(NOT_STARTED);

  void attemptStarted() {
    attempts.incrementAndGet();
    firstAttemptNanos.compareAndSet(NOT_STARTED, System.nanoTime());
  }

  int attempts() {
    return attempts.get();
  }

  /** Milliseconds since the first request, 0 when none was sent. */
  long latencyMs() {
    long start = firstAttemptNanos.get();
    return start == NOT_STARTED ? 0 : (System.nanoTime() - start) / 1_000_000;
  }
}
