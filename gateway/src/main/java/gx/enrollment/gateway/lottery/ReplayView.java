package gx.enrollment.gateway.lottery;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A recomputation of a draw with {@link LotteryDraw}: from a stored lottery (then compared with
 * what was stored) or from anyone's inputs.
 *
 * @param lotteryId the stored lottery replayed, if any
 * @param listHashMatches whether the recomputed list hash is the one published at the freeze
 * @param seedMatchesCommitment whether the seed hashes to the commitment published at the freeze
 *     (absent when none was)
 * @param matches whether the recomputed ranking and outcomes are exactly the stored transcript
 * @param differences the references whose stored line differs from the recomputed one
 */
public record ReplayView(
    @Nullable UUID lotteryId,
    String listHash,
    @Nullable Boolean listHashMatches,
    String seed,
    String seedCommitment,
    @Nullable Boolean seedMatchesCommitment,
    int places,
    List<String> struckOut,
    LotteryView.Rules rules,
    List<LotteryDraw.Entry> ranking,
    @Nullable Boolean matches,
    @Nullable List<String> differences) {}
