package gx.enrollment.gateway.events;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which relay lane an event key belongs to. The hash is CRC-32 of the key's UTF-8 bytes, fixed here
 * rather than {@code String.hashCode()} so that it is plainly the same on every instance and in
 * every release: all rows of one application must share a lane, or two relays could publish them
 * out of order.
 */
final class EventLanes {

  private EventLanes() {}

  static int of(String key, int lanes) {
    CRC32 crc = new CRC32();
    crc.update(key.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % lanes);
  }
}
