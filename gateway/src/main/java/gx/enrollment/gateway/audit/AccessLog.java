package gx.enrollment.gateway.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * "Who looked at my child's data": every query of a government source and every change of status
 * made about one application, oldest first, as a portal shows them to the guardian. Holds nothing
 * of other applications and no identifier of any person: no ID number, no phone, no token.
 */
public record AccessLog(UUID applicationId, String reference, List<Entry> entries) {

  /** One line of the log. */
  public sealed interface Entry permits SourceQuery, StatusChange {

    /** {@code SOURCE_QUERY} or {@code STATUS_CHANGE}. */
    String kind();

    OffsetDateTime at();
  }

  /**
   * A government source was asked about the application.
   *
   * @param source e.g. {@code HOUSEHOLD}, with its Chinese name in {@code sourceLabel}
   * @param client the portal (or other client) whose request made the query
   * @param purpose the legal purpose the query was made for ({@code ENROLLMENT})
   * @param consentBasis {@code ONLINE_CONSENT} (the guardian's consent given online, {@code
   *     consentId}) or {@code OFFLINE_COUNTER} (the paper form signed at a registration point)
   * @param outcome {@code OK} (the source answered) or {@code UNAVAILABLE}, with a {@code reason}
   */
  public record SourceQuery(
      String kind,
      OffsetDateTime at,
      String source,
      String sourceLabel,
      String client,
      String purpose,
      String consentBasis,
      @Nullable String consentId,
      String outcome,
      @Nullable String reason,
      String verificationId)
      implements Entry {}

  /** The application's status changed: from what to what, by whom, why. */
  public record StatusChange(
      String kind,
      OffsetDateTime at,
      @Nullable String from,
      String to,
      String toLabel,
      String actor,
      @Nullable String reason)
      implements Entry {}
}
