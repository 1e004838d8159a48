package gx.enrollment.gateway.storage;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal identifiers (ID numbers, phone numbers) for storage and opens them again, and
 * makes the keyed hashes we look people up by.
 *
 * <p>Sealing is AES-256-GCM under the active key with a random 96-bit nonce and a 128-bit tag; the
 * stored form is {@code nonce ‖ ciphertext ‖ tag} next to the key id, so any key still listed in
 * {@link CryptoProperties#keys()} opens what it sealed after the active key has moved on. An
 * optional context (say, the column name) is bound in as GCM associated data: a value sealed for
 * one context does not open under another, so ciphertexts cannot be swapped between columns
 * unnoticed. {@link #seal(String)} and {@link #open(String, byte[])} use the empty context.
 *
 * <p>Hashing is HMAC-SHA256 under a separate key: deterministic, so equal values give equal hashes
 * for lookups and unique indexes, yet worthless to whoever has the database without the key. It
 * hashes exactly the string given: callers pass the normalised form (an ID number with an
 * upper-case {@code X}, a phone with digits only), or equal values will hash apart.
 *
 * <p>Thread-safe and non-blocking: the nonce generator is a DRBG seeded once, here, so no call
 * reads the operating system's entropy source on an event loop; ciphers and MACs are made per call
 * because they hold state.
 */
public final class PersonalDataProtector {

  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;
  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final String MAC = "HmacSHA256";
  private static final String NO_CONTEXT = "";

  private final String activeKeyId;
  private final SecretKey activeKey;
  private final Map<String, SecretKey> keys;
  private final SecretKey hashKey;
  private final SecureRandom nonces;

  /** Reads and checks every key; fails at start rather than on the first request. */
  public PersonalDataProtector(CryptoProperties properties) {
    this.activeKeyId = properties.activeKeyId();
    Map<String, SecretKey> keys = new HashMap<>();
    properties.keys().keySet().forEach(id -> keys.put(id, key(properties.aesKey(id), "AES")));
    this.keys = Map.copyOf(keys);
    this.activeKey = this.keys.get(activeKeyId); // CryptoProperties made sure it is listed
    this.hashKey = key(properties.hmacKey(), MAC);
    this.nonces = seededDrbg();
    // Loads the JCA providers and classes now, off the event loops.
    open(activeKeyId, seal(NO_CONTEXT).ciphertext());
    hash(NO_CONTEXT);
  }

  /**
   * A personal value as stored.
   *
   * @param keyId the id of the key that sealed it, stored next to it
   * @param ciphertext {@code nonce ‖ ciphertext ‖ tag}
   */
  public record Sealed(String keyId, byte[] ciphertext) {

    public Sealed {
      Objects.requireNonNull(keyId, "keyId");
      ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
      return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Sealed that
          && keyId.equals(that.keyId)
          && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
      return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
      return "Sealed[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
    }
  }

  /** Seals {@code plaintext} under the active key, with no context. */
  public Sealed seal(String plaintext) {
    return seal(plaintext, NO_CONTEXT);
  }

  /**
   * Seals {@code plaintext} under the active key, bound to {@code context}: it opens only with the
   * same context. Two seals of one value differ.
   */
  public Sealed seal(String plaintext, String context) {
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] input = plaintext.getBytes(UTF_8);
    return seal(input, 0, input.length, context);
  }

  /**
   * Seals {@code length} bytes of {@code input} from {@code offset} under the active key, bound to
   * {@code context}, for binary values such as a scanned document.
   */
  public Sealed seal(byte[] input, int offset, int length, String context) {
    Objects.checkFromIndexSize(offset, length, input.length);
    byte[] sealed = new byte[NONCE_BYTES + length + TAG_BITS / 8];
    byte[] nonce = new byte[NONCE_BYTES];
    nonces.nextBytes(nonce);
    System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, activeKey, sealed, context);
      cipher.doFinal(input, offset, length, sealed, NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM could not seal under key " + activeKeyId, e);
    }
    return new Sealed(activeKeyId, sealed);
  }

  /** Opens a value sealed with no context under {@code keyId}. */
  public String open(String keyId, byte[] ciphertext) {
    return open(keyId, ciphertext, NO_CONTEXT);
  }

  /**
   * Opens a value sealed under {@code keyId} for {@code context}.
   *
   * @throws UnreadablePersonalDataException if the key is not configured, or the ciphertext was
   *     altered or sealed under another key or context
   */
  public String open(String keyId, byte[] ciphertext, String context) {
    return new String(openBytes(keyId, ciphertext, context), UTF_8);
  }

  /**
   * Opens binary content sealed under {@code keyId} for {@code context}.
   *
   * @throws UnreadablePersonalDataException if the key is not configured, or the ciphertext was
   *     altered or sealed under another key or context
   */
  public byte[] openBytes(String keyId, byte[] ciphertext, String context) {
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw UnreadablePersonalDataException.unknownKey(keyId);
    }
    if (ciphertext.length < NONCE_BYTES + TAG_BITS / 8) {
      throw UnreadablePersonalDataException.notAuthentic(keyId, context, null);
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, ciphertext, context);
      return cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw UnreadablePersonalDataException.notAuthentic(keyId, context, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM could not open under key " + keyId, e);
    }
  }

  /**
   * The HMAC-SHA256 (32 bytes) of {@code value} exactly as given, for lookups and unique indexes;
   * the caller normalises first.
   */
  public byte[] hash(String value) {
    Objects.requireNonNull(value, "value");
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(hashKey);
      return mac.doFinal(value.getBytes(UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  /** The id of the key new values are sealed under, to store next to them. */
  public String activeKeyId() {
    return activeKeyId;
  }

  /** Shows the key ids, never key material. */
  @Override
  public String toString() {
    return "PersonalDataProtector[activeKeyId=" + activeKeyId + ", keys=" + keys.keySet() + "]";
  }

  // The nonce is the first NONCE_BYTES of {@code sealed}. Our own generator goes to init, else the
  // JCA would fetch its default SecureRandom (NativePRNG, which reads /dev/urandom).
  private Cipher cipher(int mode, SecretKey key, byte[] sealed, String context)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(CIPHER);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES), nonces);
    if (!context.isEmpty()) {
      cipher.updateAAD(context.getBytes(UTF_8));
    }
    return cipher;
  }

  private static SecretKey key(byte[] material, String algorithm) {
    try {
      return new SecretKeySpec(material, algorithm);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  // A DRBG instantiates lazily on first use, reading the operating system's entropy source; the
  // first draw happens here, at start, so that no request ever pays for it on an event loop.
  private static SecureRandom seededDrbg() {
    try {
      SecureRandom drbg = SecureRandom.getInstance("DRBG");
      drbg.nextBytes(new byte[NONCE_BYTES]);
      return drbg;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK offers no DRBG SecureRandom", e);
    }
  }
}
