package gx.enrollment.gateway.events;

import java.time.Duration;

/**
 * The pause after consecutive failed relay passes: {@code initial} doubled per failure, capped at
 * {@code max}, of which a random half is dropped ("equal jitter") so that instances that failed
 * together do not all retry in the same instant.
 *
 * @param initial the pause's ceiling after the first failure
 * @param max the ceiling the doubling stops at
 */
record RelayBackoff(Duration initial, Duration max) {

  /**
   * @param failures consecutive failed passes, 1 or more
   * @param random uniformly drawn from [0, 1)
   */
  Duration after(int failures, double random) {
    long ceiling = ceilingMillis(failures);
    long half = ceiling / 2;
    return Duration.ofMillis(ceiling - half + (long) (random * half));
  }

  private long ceilingMillis(int failures) {
    long max = max().toMillis();
    long delay = initial().toMillis();
    for (int i = 1; i < failures && delay < max; i++) {
      delay *= 2;
    }
    return Math.min(delay, max);
  }
}
