package gx.enrollment.mocks.population;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The 18-character mainland resident ID number of GB 11643: a 6-digit region code, the birth date
 * as {@code yyyyMMdd}, a 3-digit sequence (odd for men, even for women) and a check character
 * computed by ISO 7064 MOD 11-2.
 */
public final class ResidentIdNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARACTERS = "10X98765432";
  private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
  private static final Pattern BODY = Pattern.compile("\\d{17}");

  private ResidentIdNumber() {}

  /** The check character for the first 17 digits of an ID number. */
  public static char checkCharacter(String first17Digits) {
    if (!BODY.matcher(first17Digits).matches()) {
      throw new IllegalArgumentException("expected 17 digits, got " + first17Digits.length());
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }

  /** Whether the value has the GB 11643 shape, a real birth date and the right check character. */
  public static boolean isValid(String idNumber) {
    if (!hasShape(idNumber)) {
      return false;
    }
    try {
      birthDate(idNumber);
    } catch (DateTimeException e) {
      return false;
    }
    return checkCharacter(idNumber.substring(0, 17)) == idNumber.charAt(17);
  }

  /** Whether the value looks like an ID number (17 digits and a digit or {@code X}). */
  public static boolean hasShape(String value) {
    return SHAPE.matcher(value).matches();
  }

  /** Builds a valid ID number. */
  public static String of(String regionCode, LocalDate birthDate, int sequence) {
    if (sequence < 0 || sequence > 999) {
      throw new IllegalArgumentException("sequence must be 0..999, got " + sequence);
    }
    String body =
        regionCode
            + String.format(
                "%04d%02d%02d%03d",
                birthDate.getYear(),
                birthDate.getMonthValue(),
                birthDate.getDayOfMonth(),
                sequence);
    return body + checkCharacter(body);
  }

  /** The birth date in positions 7–14. */
  public static LocalDate birthDate(String idNumber) {
    return LocalDate.of(
        Integer.parseInt(idNumber.substring(6, 10)),
        Integer.parseInt(idNumber.substring(10, 12)),
        Integer.parseInt(idNumber.substring(12, 14)));
  }

  /** Whether the sequence's last digit is even, which GB 11643 gives to women. */
  public static boolean isFemale(String idNumber) {
    return (idNumber.charAt(16) - '0') % 2 == 0;
  }
}
