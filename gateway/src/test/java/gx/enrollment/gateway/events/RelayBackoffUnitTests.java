package gx.enrollment.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pause after failed passes doubles from the interval, is capped, and keeps half jitter. */
class RelayBackoffUnitTests {

  private final RelayBackoff backoff =
      new RelayBackoff(Duration.ofMillis(200), Duration.ofSeconds(10));

  @ParameterizedTest(name = "after {0} failures: between {1} and {2} ms")
  @CsvSource({
    "1,   100,  200",
    "2,   200,  400",
    "3,   400,  800",
    "5,  1600, 3200",
    "6,  3200, 6400",
    "7,  5000, 10000",
    "8,  5000, 10000",
    "60, 5000, 10000",
    "2147483647, 5000, 10000",
  })
  void pauses_between_half_and_all_of_a_doubling_capped_ceiling(
      int failures, long shortestMillis, long longestMillis) {
    Duration shortest = backoff.after(failures, 0.0);
    Duration longest = backoff.after(failures, 0.999_999);

    assertThat(shortest).isEqualTo(Duration.ofMillis(shortestMillis));
    assertThat(longest.toMillis()).isBetween(longestMillis - 1, longestMillis);
  }
}
