package gx.enrollment.gateway.verification;

import com.github.f4b6a3.uuid.factory.standard.TimeOrderedEpochFactory;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Makes verification ids: {@code v-} and a time-ordered UUID (RFC 9562 version 7), sortable by
 * creation and unguessable. The random part comes from a DRBG seeded once here, because the default
 * {@code SecureRandom} reads {@code /dev/urandom} on every call, which must not happen on a Netty
 * event loop.
 */
public final class VerificationIds {

  private final TimeOrderedEpochFactory factory;

  public VerificationIds(Clock clock) {
    SecureRandom random = drbg();
    random.nextLong(); // seeds it now, at start, rather than on the first request
    this.factory = new TimeOrderedEpochFactory(random, clock);
  }

  public String next() {
    return "v-" + factory.create();
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM offers no DRBG SecureRandom", e);
    }
  }
}
