package gx.enrollment.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lanes are part of the stored data: a key must land in the same lane on every instance and in
 * every release, or two relays could publish one application's events out of order.
 */
class EventLanesUnitTests {

  @ParameterizedTest
  @CsvSource({
    "00000000-0000-0000-0000-000000000000, 16,   9",
    "6f1c2a9e-3b7d-4c1e-9a55-0d8e2f4b7c10, 16,   2",
    "6f1c2a9e-3b7d-4c1e-9a55-0d8e2f4b7c10, 1024, 402",
    "a,                                    16,   3",
    "应用,                                  16,   5",
    "应用,                                  1,    0",
  })
  void puts_a_key_in_the_lane_its_crc32_names(String key, int lanes, int lane) {
    assertThat(EventLanes.of(key, lanes)).isEqualTo(lane);
  }

  @ParameterizedTest
  @CsvSource({"1", "7", "16", "1024"})
  void keeps_every_key_within_the_lanes(int lanes) {
    for (int i = 0; i < 2_000; i++) {
      assertThat(EventLanes.of(UUID.randomUUID().toString(), lanes)).isBetween(0, lanes - 1);
    }
  }
}
