package gx.enrollment.gateway.lottery;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lottery as anyone may read it: the school, the places, its state, the frozen list's hash, the
 * seed with its announcement time and, once drawn, the full transcript. Application references are
 * not personal data; nothing else about an applicant is shown.
 *
 * @param state CREATED, FROZEN, SEEDED, DRAWN or PUBLISHED
 * @param listHash SHA-256 of the canonical frozen list, from the freeze on
 * @param seedCommitment SHA-256 of the seed, when one was published at the freeze
 * @param entries before the draw the applicants in list order (no rank); after it the transcript,
 *     rank 1 first
 */
public record LotteryView(
    UUID lotteryId,
    String schoolCode,
    String schoolName,
    String regionCode,
    int schoolYear,
    String stage,
    int places,
    String state,
    String createdBy,
    OffsetDateTime createdAt,
    int applicantCount,
    @Nullable String listHash,
    @Nullable OffsetDateTime frozenAt,
    @Nullable String seedCommitment,
    @Nullable String seed,
    @Nullable OffsetDateTime seedAnnouncedAt,
    @Nullable OffsetDateTime drawnAt,
    @Nullable Integer admittedCount,
    @Nullable OffsetDateTime publishedAt,
    @Nullable String publication,
    Rules rules,
    List<EntryLine> entries) {

  /** The rules, stated next to the numbers they produce. */
  public record Rules(String listHash, String ranking) {
    static final Rules CURRENT = new Rules(LotteryDraw.LIST_RULE, LotteryDraw.RANKING_RULE);
  }

  /**
   * One applicant: before the draw only its reference.
   *
   * @param outcome ADMITTED, NOT_ADMITTED or STRUCK_OUT
   * @param note why it was struck out (its status at the draw)
   */
  public record EntryLine(
      String reference,
      @Nullable Integer rank,
      @Nullable String rankValue,
      @Nullable String outcome,
      @Nullable String note) {}
}
