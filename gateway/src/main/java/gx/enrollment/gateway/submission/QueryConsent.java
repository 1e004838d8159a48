package gx.enrollment.gateway.submission;

import org.jspecify.annotations.Nullable;

/**
 * What a source query about a submission is made under, sent to the source as {@code X-Consent-Id}
 * and kept on every audit record of the query.
 *
 * <ul>
 *   <li>{@link Basis#ONLINE_CONSENT} — an {@code ONLINE} submission: the portal's real-name
 *       verification and the guardian's consent, named by the portal's {@code consentId};
 *   <li>{@link Basis#OFFLINE_COUNTER} — an {@code OFFLINE} submission: the guardian stood at a
 *       registration point and signed the paper consent form there; there is no online consent id,
 *       so the literal {@value #OFFLINE_COUNTER_ID} stands in for it.
 * </ul>
 *
 * @param basis why the sources may be asked
 * @param consentId the online consent id, or {@value #OFFLINE_COUNTER_ID}
 */
public record QueryConsent(Basis basis, String consentId) {

  /** The consent id of every query about a submission made at a counter. */
  public static final String OFFLINE_COUNTER_ID = "OFFLINE-COUNTER";

  /** The grounds on which the sources may be asked. */
  public enum Basis {
    ONLINE_CONSENT,
    OFFLINE_COUNTER
  }

  /**
   * What the sources may be asked under for {@code submission}; {@code null} when they may not be
   * asked at all (an online submission without real-name verification and a consent id).
   */
  public static @Nullable QueryConsent of(Submission submission) {
    if (submission.channel() == Channel.OFFLINE) {
      return new QueryConsent(Basis.OFFLINE_COUNTER, OFFLINE_COUNTER_ID);
    }
    Submission.Consent consent = submission.consent();
    if (consent == null || !consent.realNameVerified() || consent.consentId().isBlank()) {
      return null;
    }
    return new QueryConsent(Basis.ONLINE_CONSENT, consent.consentId());
  }
}
