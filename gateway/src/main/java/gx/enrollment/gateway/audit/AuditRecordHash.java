package gx.enrollment.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The hash of one audit record, computed exactly as {@code V8__audit_chain.sql} documents (and its
 * trigger computes), but independently of the database:
 *
 * <pre>
 * record_hash = lower-case hex of SHA-256(UTF-8 of canonical)
 * canonical   = elements joined by '|', each '~' when null, else '&lt;UTF-8 byte length&gt;:&lt;text&gt;':
 *               "gx-audit-v1", table, chain_seq, id, the table's fields in order, prev_hash
 * </pre>
 *
 * Numbers in decimal, UUIDs in lower-case, timestamps as integer microseconds since the epoch. The
 * length prefix makes the form unambiguous whatever a text holds ({@code |}, {@code ~}, digits).
 * Plain Java, no I/O.
 */
public final class AuditRecordHash {

  /** The version of the canonical form, its first element. */
  public static final String VERSION = "gx-audit-v1";

  /** The previous hash of the chain's first record. */
  public static final String GENESIS = "0".repeat(64);

  private AuditRecordHash() {}

  /** The canonical text of a record of {@code table} at {@code chainSeq} linked to {@code prev}. */
  public static String canonical(
      String table, long chainSeq, long id, List<@Nullable String> fields, String prevHash) {
    List<@Nullable String> elements = new ArrayList<>(fields.size() + 5);
    elements.add(VERSION);
    elements.add(table);
    elements.add(Long.toString(chainSeq));
    elements.add(Long.toString(id));
    elements.addAll(fields);
    elements.add(prevHash);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        text.append('|');
      }
      String element = elements.get(i);
      if (element == null) {
        text.append('~');
      } else {
        text.append(element.getBytes(StandardCharsets.UTF_8).length).append(':').append(element);
      }
    }
    return text.toString();
  }

  /** Lower-case hex SHA-256 of the UTF-8 of {@code canonical}. */
  public static String sha256(String canonical) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The hash of a record (see {@link #canonical}). */
  public static String hash(
      String table, long chainSeq, long id, List<@Nullable String> fields, String prevHash) {
    return sha256(canonical(table, chainSeq, id, fields, prevHash));
  }

  /** A timestamp as the canonical form writes it: integer microseconds since the epoch. */
  public static @Nullable String micros(@Nullable Instant at) {
    if (at == null) {
      return null;
    }
    return Long.toString(
        Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000));
  }

  /** A number as the canonical form writes it; {@code null} stays null. */
  public static @Nullable String number(@Nullable Number value) {
    return value == null ? null : value.toString();
  }
}
