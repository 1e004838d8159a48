package gx.enrollment.connectors;

/** Masking of personal identifiers for logs and messages: never log an ID or phone whole. */
public final class IdNumbers {

  private IdNumbers() {}

  /** {@code 450702201809120011} → {@code 4507**********0011}. */
  public static String mask(String value) {
    if (value.length() <= 8) {
      return "*".repeat(value.length());
    }
    return value.substring(0, 4)
        + "*".repeat(value.length() - 8)
        + value.substring(value.length() - 4);
  }
}
