package gx.enrollment.gateway.submission;

import gx.enrollment.connectors.IdNumbers;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An 18-character mainland resident ID number (GB 11643-1999): six digits of region, eight of birth
 * date, three of sequence and a check character computed by ISO 7064 MOD 11-2.
 *
 * <p>{@code toString()} masks the number; call {@link #value()} only where the whole number is
 * needed (the request to a source).
 */
public final class ResidentIdNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();

  /** Why a string is not a resident ID number; the codes appear in API error responses. */
  public enum Problem {
    LENGTH("must be 18 characters"),
    CHARACTERS("must be 17 digits followed by a digit or X"),
    BIRTH_DATE("contains an impossible birth date"),
    CHECK_CHARACTER("has a wrong check character");

    private final String message;

    Problem(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  private final String value;
  private final LocalDate birthDate;

  private ResidentIdNumber(String value, LocalDate birthDate) {
    this.value = value;
    this.birthDate = birthDate;
  }

  /**
   * Parses {@code text}, accepting a lower-case {@code x} as check character (it is stored upper
   * case).
   *
   * @return the problem, or empty when {@code text} is a valid number
   */
  public static Optional<Problem> problemOf(String text) {
    return parse(text).problem();
  }

  /** Parses {@code text} into a number or the first problem found, in the order of the enum. */
  public static Parsed parse(String text) {
    if (text.length() != 18) {
      return Parsed.failure(Problem.LENGTH);
    }
    String upper = text.toUpperCase(Locale.ROOT);
    for (int i = 0; i < 17; i++) {
      if (!isAsciiDigit(upper.charAt(i))) {
        return Parsed.failure(Problem.CHARACTERS);
      }
    }
    char last = upper.charAt(17);
    if (!isAsciiDigit(last) && last != 'X') {
      return Parsed.failure(Problem.CHARACTERS);
    }
    Optional<LocalDate> birthDate = birthDate(upper);
    if (birthDate.isEmpty()) {
      return Parsed.failure(Problem.BIRTH_DATE);
    }
    if (checkCharacter(upper) != last) {
      return Parsed.failure(Problem.CHECK_CHARACTER);
    }
    return new Parsed(new ResidentIdNumber(upper, birthDate.get()), null);
  }

  /** The check character of the first 17 digits of {@code digits}. */
  public static char checkCharacter(String digits) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (digits.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS[sum % 11];
  }

  private static Optional<LocalDate> birthDate(String number) {
    try {
      int year = Integer.parseInt(number.substring(6, 10));
      int month = Integer.parseInt(number.substring(10, 12));
      int day = Integer.parseInt(number.substring(12, 14));
      if (year < 1900) {
        return Optional.empty();
      }
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  public String value() {
    return value;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  /** Whole years of age reached on {@code date}. */
  public int ageOn(LocalDate date) {
    return Period.between(birthDate, date).getYears();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResidentIdNumber that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return IdNumbers.mask(value);
  }

  /** The outcome of {@link #parse}: a number, or the problem. */
  public record Parsed(@Nullable ResidentIdNumber number, @Nullable Problem failure) {

    static Parsed failure(Problem problem) {
      return new Parsed(null, problem);
    }

    public Optional<Problem> problem() {
      return Optional.ofNullable(failure);
    }
  }
}
