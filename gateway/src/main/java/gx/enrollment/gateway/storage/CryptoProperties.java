package gx.enrollment.gateway.storage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The keys that protect personal data at rest ({@code enrollment.crypto.*}), checked when bound:
 * the gateway refuses to start on a missing or malformed key and the message names the property,
 * never its value. Production supplies them from its secret store, e.g. as {@code
 * ENROLLMENT_CRYPTO_ACTIVE_KEY_ID}, {@code ENROLLMENT_CRYPTO_KEYS_K2025} and {@code
 * ENROLLMENT_CRYPTO_HASH_KEY}.
 *
 * @param activeKeyId the id of the AES key that seals new values; it must be one of {@code keys}.
 *     Rotate by adding a new key, then pointing this at it: values sealed earlier stay readable
 *     under their own key id as long as that key stays listed
 * @param keys every AES-256 key that may have sealed a stored value, by id: base64 of exactly 32
 *     random bytes. The id is stored next to each ciphertext, so never reuse an id for another key.
 *     Ids of lower-case letters and digits read the same from YAML and from environment variables;
 *     Spring Boot lower-cases the latter and reads {@code ENROLLMENT_CRYPTO_KEYS_PROD_1} as the id
 *     {@code prod.1}
 * @param hashKey the HMAC-SHA256 key of the lookup and uniqueness hashes: base64 of at least 32
 *     random bytes. It has no id and cannot rotate without rehashing every stored hash
 */
@ConfigurationProperties("enrollment.crypto")
@Validated
public record CryptoProperties(
    @NotBlank String activeKeyId, @NotEmpty Map<String, String> keys, @NotBlank String hashKey) {

  static final int AES_KEY_BYTES = 32;
  static final int MIN_HASH_KEY_BYTES = 32;
  private static final String PREFIX = "enrollment.crypto.";

  // The checks run here as well as through @Validated so that a protector built without Spring
  // (tests, tools) is held to the same rules, and so each message names the property at fault.
  public CryptoProperties {
    if (activeKeyId == null || activeKeyId.isBlank()) {
      throw new IllegalArgumentException(PREFIX + "active-key-id must be set");
    }
    if (keys == null || keys.isEmpty()) {
      throw new IllegalArgumentException(PREFIX + "keys must list at least one key");
    }
    keys = Map.copyOf(keys);
    keys.forEach(
        (id, key) -> {
          if (id.isBlank()) {
            throw new IllegalArgumentException(PREFIX + "keys has a key with a blank id");
          }
          Arrays.fill(decode("keys." + id, key, AES_KEY_BYTES, true), (byte) 0);
        });
    if (!keys.containsKey(activeKeyId)) {
      throw new IllegalArgumentException(
          PREFIX
              + "active-key-id: "
              + activeKeyId
              + " is not among "
              + PREFIX
              + "keys "
              + new TreeMap<>(keys).keySet());
    }
    if (hashKey == null) {
      throw new IllegalArgumentException(PREFIX + "hash-key must be set");
    }
    Arrays.fill(decode("hash-key", hashKey, MIN_HASH_KEY_BYTES, false), (byte) 0);
  }

  /** The raw AES key of {@code keyId}; the caller clears the array once it has made a key of it. */
  byte[] aesKey(String keyId) {
    String key = keys.get(keyId);
    if (key == null) {
      throw new IllegalArgumentException(PREFIX + "keys has no key " + keyId);
    }
    return decode("keys." + keyId, key, AES_KEY_BYTES, true);
  }

  /** The raw HMAC key; the caller clears the array once it has made a key of it. */
  byte[] hmacKey() {
    return decode("hash-key", hashKey, MIN_HASH_KEY_BYTES, false);
  }

  /** Shows the key ids, never key material: properties end up in logs and debuggers. */
  @Override
  public String toString() {
    return "CryptoProperties[activeKeyId="
        + activeKeyId
        + ", keys="
        + new TreeMap<>(keys).keySet()
        + ", hashKey=(hidden)]";
  }

  private static byte[] decode(String property, String base64, int bytes, boolean exactly) {
    String expected =
        PREFIX + property + " must be " + (exactly ? "" : "at least ") + bytes + " bytes of base64";
    byte[] decoded;
    try {
      // Secrets mounted from files often end with a newline.
      decoded = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character: part of the secret, so drop it.
      throw new IllegalArgumentException(expected + " (it is not valid base64)");
    }
    if (exactly ? decoded.length != bytes : decoded.length < bytes) {
      int length = decoded.length;
      Arrays.fill(decoded, (byte) 0);
      throw new IllegalArgumentException(expected + " (it decodes to " + length + ")");
    }
    return decoded;
  }
}
