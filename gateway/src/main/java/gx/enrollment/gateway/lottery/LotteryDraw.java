package gx.enrollment.gateway.lottery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the private-school lottery (民办学校电脑随机录取), as anyone can recompute them. Pure: no
 * Spring, no I/O, no clock, no randomness of its own.
 *
 * <ul>
 *   <li><b>The frozen list</b>: the applicants' references, sorted ascending by their UTF-8 bytes
 *       (they are ASCII, so {@code LC_ALL=C sort}), each followed by one line feed {@code \n}
 *       (0x0A), the last one too, encoded in UTF-8, nothing else (no BOM, no CR). Its SHA-256,
 *       lower-case hex, is the list hash: {@code printf '%s\n' REF… | LC_ALL=C sort | sha256sum}.
 *   <li><b>The rank value</b> of an applicant: SHA-256 of the UTF-8 bytes of the seed, one line
 *       feed {@code \n}, then the UTF-8 bytes of the reference — {@code printf '%s\n%s' "$SEED"
 *       "$REF" | sha256sum} — in lower-case hex. The seed cannot contain a line feed, so the input
 *       is never ambiguous.
 *   <li><b>The ranking</b>: rank values ascending (as text, which for lower-case hex of equal
 *       length is byte order); two equal rank values (a SHA-256 collision) would be ordered by
 *       reference. Rank 1 is first.
 *   <li><b>Admission</b>: walking the ranking from rank 1, the first {@code places} applicants that
 *       are not struck out are {@link Outcome#ADMITTED}, the other eligible ones {@link
 *       Outcome#NOT_ADMITTED}; a struck-out applicant (withdrawn, returned … since the freeze)
 *       keeps its rank and rank value in the transcript, is {@link Outcome#STRUCK_OUT}, and takes
 *       no place. Striking one out changes nobody else's rank value or rank.
 * </ul>
 */
public final class LotteryDraw {

  /** What an application reference may look like (ours are {@code GX2024-000123}). */
  public static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** The longest seed, in characters. */
  public static final int MAX_SEED_LENGTH = 200;

  /** The most applicants one lottery or one replay takes. */
  public static final int MAX_APPLICANTS = 5000;

  /** The rule as the API states it next to every rank value. */
  public static final String RANKING_RULE =
      "rankValue = lower-case hex SHA-256 of UTF-8(seed) + \"\\n\" + UTF-8(reference); rank 1 is"
          + " the smallest rankValue";

  /** The rule of the list hash as the API states it. */
  public static final String LIST_RULE =
      "listHash = lower-case hex SHA-256 of the references sorted by their UTF-8 bytes, each"
          + " followed by \"\\n\", in UTF-8";

  private static final HexFormat HEX = HexFormat.of();

  private LotteryDraw() {}

  /** The result of one applicant in a draw. */
  public enum Outcome {
    ADMITTED,
    NOT_ADMITTED,
    STRUCK_OUT
  }

  /** One line of the transcript. */
  public record Entry(int rank, String reference, String rankValue, Outcome outcome) {}

  /**
   * Why {@code reference} cannot be an applicant's reference, if it cannot; {@code null} is refused
   * too.
   */
  public static Optional<String> referenceProblem(@Nullable String reference) {
    if (reference == null || !REFERENCE.matcher(reference).matches()) {
      return Optional.of("must be 1 to 64 letters, digits or ._- (an application reference)");
    }
    return Optional.empty();
  }

  /**
   * Why {@code seed} cannot be a seed, if it cannot: it must be 1 to {@value #MAX_SEED_LENGTH}
   * characters, without control characters (so no line feed) and without surrounding white space
   * (so that one retyped from a notice hashes the same).
   */
  public static Optional<String> seedProblem(@Nullable String seed) {
    if (seed == null || seed.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (seed.codePointCount(0, seed.length()) > MAX_SEED_LENGTH) {
      return Optional.of("must be at most " + MAX_SEED_LENGTH + " characters");
    }
    if (seed.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("must not contain control characters (line feeds, tabs …)");
    }
    if (!seed.strip().equals(seed)) {
      return Optional.of("must not start or end with white space");
    }
    return Optional.empty();
  }

  /**
   * The frozen list in its canonical form (see the class comment).
   *
   * @throws IllegalArgumentException naming the first bad or repeated reference
   */
  public static byte[] canonicalList(Collection<String> references) {
    StringBuilder text = new StringBuilder();
    for (String reference : sorted(references)) {
      text.append(reference).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** SHA-256 of {@link #canonicalList}, lower-case hex. */
  public static String listHash(Collection<String> references) {
    return sha256Hex(canonicalList(references));
  }

  /** SHA-256 of UTF-8(seed) + "\n" + UTF-8(reference), lower-case hex. */
  public static String rankValue(String seed, String reference) {
    requireSeed(seed);
    requireReference(reference);
    return sha256Hex((seed + "\n" + reference).getBytes(StandardCharsets.UTF_8));
  }

  /** SHA-256 of the UTF-8 bytes of {@code text}, lower-case hex: a seed's commitment. */
  public static String commitment(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Ranks {@code references} by {@code seed} and admits the first {@code places} that are not in
   * {@code struckOut}.
   *
   * @return the transcript, rank 1 first
   * @throws IllegalArgumentException for a bad or repeated reference, a bad seed, places below 1,
   *     or a struck-out reference that is not in the list
   */
  public static List<Entry> draw(
      Collection<String> references, String seed, int places, Set<String> struckOut) {
    requireSeed(seed);
    if (places < 1) {
      throw new IllegalArgumentException("places must be 1 or more, was " + places);
    }
    Set<String> list = sorted(references);
    for (String out : struckOut) {
      if (!list.contains(out)) {
        throw new IllegalArgumentException("struck-out " + out + " is not in the list");
      }
    }
    record Ranked(String reference, String value) {}
    List<Ranked> ranked = new ArrayList<>();
    for (String reference : list) {
      ranked.add(new Ranked(reference, rankValue(seed, reference)));
    }
    ranked.sort(Comparator.comparing(Ranked::value).thenComparing(Ranked::reference));
    List<Entry> transcript = new ArrayList<>(ranked.size());
    int admitted = 0;
    for (int i = 0; i < ranked.size(); i++) {
      Ranked r = ranked.get(i);
      Outcome outcome;
      if (struckOut.contains(r.reference())) {
        outcome = Outcome.STRUCK_OUT;
      } else if (admitted < places) {
        outcome = Outcome.ADMITTED;
        admitted++;
      } else {
        outcome = Outcome.NOT_ADMITTED;
      }
      transcript.add(new Entry(i + 1, r.reference(), r.value(), outcome));
    }
    return List.copyOf(transcript);
  }

  private static Set<String> sorted(Collection<String> references) {
    if (references.size() > MAX_APPLICANTS) {
      throw new IllegalArgumentException("at most " + MAX_APPLICANTS + " applicants");
    }
    // ASCII only (see REFERENCE), so String order is UTF-8 byte order.
    Set<String> sorted = new TreeSet<>();
    for (String reference : references) {
      requireReference(reference);
      if (!sorted.add(reference)) {
        throw new IllegalArgumentException(reference + " is in the list twice");
      }
    }
    return sorted;
  }

  private static void requireReference(String reference) {
    referenceProblem(reference)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException("reference " + reference + " " + problem);
            });
  }

  private static void requireSeed(String seed) {
    seedProblem(seed)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException("the seed " + problem);
            });
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
