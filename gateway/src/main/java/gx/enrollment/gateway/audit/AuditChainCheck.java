package gx.enrollment.gateway.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of walking the audit chain.
 *
 * @param valid every record links to the one before it, its hash is what its fields give, and the
 *     chain ends where its head says
 * @param recordsChecked the records walked, up to and including the first broken one
 * @param headSeq the chain's length when the check began (records appended later are left to the
 *     next check)
 * @param headHash the hash the chain ended with when the check began: an operator who writes it
 *     down somewhere else can later tell a chain rewritten from its start from the real one
 * @param firstBroken the first record that does not fit, or {@code null}
 */
public record AuditChainCheck(
    boolean valid,
    long recordsChecked,
    long headSeq,
    String headHash,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Broken firstBroken,
    OffsetDateTime checkedAt) {

  /** Why a record does not fit the chain. */
  public enum Reason {
    /** Its fields or its own hash were changed: the hash recomputed from them differs. */
    RECORD_CHANGED,
    /** It does not link to the record before it: a record in between was removed, or it moved. */
    LINK_BROKEN,
    /** Its position does not follow the one before it. */
    SEQUENCE_GAP,
    /** The chain ends before its head: records at its end were removed. */
    TAIL_MISSING,
    /** The head names another last record than the chain holds. */
    HEAD_MISMATCH
  }

  /**
   * The first record that does not fit.
   *
   * @param table {@code source_query_audit}, {@code application_status_history}, or {@code
   *     audit_chain} when the chain ends other than its head says
   * @param id the record's id in its table (the head's is 1)
   * @param chainSeq its position in the chain
   * @param expectedHash the hash it would have as the next link of an intact chain (for the head:
   *     the hash the head says the chain ends with)
   * @param actualHash the hash stored with it (for the head: the last record's hash)
   */
  public record Broken(
      String table,
      long id,
      long chainSeq,
      String expectedHash,
      String actualHash,
      Reason reason) {}
}
