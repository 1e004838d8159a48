package gx.enrollment.gateway.ids;

import com.github.f4b6a3.uuid.factory.standard.TimeOrderedEpochFactory;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): sortable by creation, so primary-key indexes stay
 * compact, and unguessable. The random part comes from a DRBG seeded once, here, because the
 * default {@code SecureRandom} reads {@code /dev/urandom} on every call, which must not happen on a
 * Netty event loop.
 */
public final class TimeOrderedIds {

  private static final TimeOrderedEpochFactory FACTORY = new TimeOrderedEpochFactory(seededDrbg());

  private TimeOrderedIds() {}

  public static UUID next() {
    return FACTORY.create();
  }

  private static SecureRandom seededDrbg() {
    try {
      SecureRandom random = SecureRandom.getInstance("DRBG");
      random.nextLong(); // seeds it now, at class initialisation, not on the first request
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM offers no DRBG SecureRandom", e);
    }
  }
}
