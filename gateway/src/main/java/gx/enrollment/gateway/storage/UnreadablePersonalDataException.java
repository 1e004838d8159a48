package gx.enrollment.gateway.storage;

import org.jspecify.annotations.Nullable;

/**
 * A stored personal value could not be opened: its key is no longer configured, or the ciphertext
 * was altered, truncated, moved from another column or sealed under another key. The message names
 * the key id and the context, never the value or any key material.
 */
public final class UnreadablePersonalDataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String keyId;

  private UnreadablePersonalDataException(String keyId, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.keyId = keyId;
  }

  static UnreadablePersonalDataException unknownKey(String keyId) {
    return new UnreadablePersonalDataException(
        keyId,
        "personal data sealed under key '"
            + keyId
            + "' cannot be opened: the key is not among enrollment.crypto.keys",
        null);
  }

  static UnreadablePersonalDataException notAuthentic(
      String keyId, String context, @Nullable Throwable cause) {
    return new UnreadablePersonalDataException(
        keyId,
        "personal data sealed under key '"
            + keyId
            + "'"
            + (context.isEmpty() ? "" : " for '" + context + "'")
            + " fails authentication: altered, truncated, or sealed under another key or context",
        cause);
  }

  /** The id of the key the value was stored under. */
  public String keyId() {
    return keyId;
  }
}
