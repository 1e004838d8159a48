package gx.enrollment.mocks.population;

/** Masks personal identifiers for log lines and messages: never log an ID or a phone whole. */
public final class Masking {

  private Masking() {}

  /** {@code 450702201809120011} → {@code 4507**********0011}. */
  public static String idNumber(String value) {
    return keepEnds(value, 4, 4);
  }

  /** {@code 13800771234} → {@code 138****1234}. */
  public static String phone(String value) {
    return keepEnds(value, 3, 4);
  }

  private static String keepEnds(String value, int head, int tail) {
    if (value.length() <= head + tail) {
      return "*".repeat(value.length());
    }
    return value.substring(0, head)
        + "*".repeat(value.length() - head - tail)
        + value.substring(value.length() - tail);
  }
}
