package gx.enrollment.gateway.lottery;

import gx.enrollment.gateway.policy.Stage;
import gx.enrollment.gateway.submission.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The bodies of the lottery endpoints, as received, and the rules that check every field. */
public final class LotteryRequests {

  private static final Pattern SCHOOL_CODE = Pattern.compile("[A-Za-z0-9._-]{1,40}");
  private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final int MAX_NAME = 100;
  private static final int MAX_TEXT = 500;
  private static final int MAX_PLACES = LotteryDraw.MAX_APPLICANTS;

  private LotteryRequests() {}

  /** {@code POST /api/v1/lotteries}. */
  public record Create(
      @Nullable String schoolCode,
      @Nullable String schoolName,
      @Nullable String regionCode,
      @Nullable Integer schoolYear,
      @Nullable String stage,
      @Nullable Integer places,
      @Nullable List<@Nullable String> applicants,
      @Nullable String createdBy) {

    /** Every bad field; empty when the body is usable. */
    public List<FieldError> errors() {
      List<FieldError> errors = new ArrayList<>();
      if (schoolCode == null || !SCHOOL_CODE.matcher(schoolCode).matches()) {
        errors.add(error("schoolCode", "the school's code: 1 to 40 letters, digits or ._-"));
      }
      if (blank(schoolName) || schoolName.length() > MAX_NAME) {
        errors.add(error("schoolName", "the school's name, at most " + MAX_NAME + " characters"));
      }
      if (regionCode == null || !REGION_CODE.matcher(regionCode).matches()) {
        errors.add(error("regionCode", "a 6-digit GB/T 2260 code of a pilot area"));
      }
      if (schoolYear == null || schoolYear < 2024 || schoolYear > 2100) {
        errors.add(error("schoolYear", "the school year, from 2024"));
      }
      if (parseStage(stage) == null) {
        errors.add(error("stage", "PRIMARY or JUNIOR"));
      }
      if (places == null || places < 1 || places > MAX_PLACES) {
        errors.add(error("places", "the approved places (核定招生计划数), 1 to " + MAX_PLACES));
      }
      if (blank(createdBy) || createdBy.length() > MAX_NAME) {
        errors.add(error("createdBy", "who creates it (the bureau's operator), at most 100"));
      }
      errors.addAll(applicantErrors("applicants", applicants));
      if (errors.isEmpty() && applicants.size() <= places) {
        errors.add(
            new FieldError(
                "applicants",
                "NOT_OVERSUBSCRIBED",
                "applicants must outnumber places for a lottery (电脑随机录取 is for a school with"
                    + " more applicants than places); "
                    + applicants.size()
                    + " applicants for "
                    + places
                    + " places can all be admitted by review decisions"));
      }
      return errors;
    }

    public Stage stageValue() {
      return java.util.Objects.requireNonNull(parseStage(stage));
    }
  }

  /** {@code POST /api/v1/lotteries/{id}/freeze}, body optional. */
  public record Freeze(@Nullable String seedCommitment) {

    public List<FieldError> errors() {
      if (seedCommitment != null && !HEX_SHA256.matcher(seedCommitment).matches()) {
        return List.of(
            error("seedCommitment", "the SHA-256 of the seed, 64 lower-case hexadecimal digits"));
      }
      return List.of();
    }
  }

  /** {@code POST /api/v1/lotteries/{id}/seed}. */
  public record Seed(@Nullable String seed) {

    public List<FieldError> errors() {
      return seedErrors("seed", seed);
    }
  }

  /** {@code POST /api/v1/lotteries/{id}/publish}, body optional. */
  public record Publish(@Nullable String publication) {

    public List<FieldError> errors() {
      if (publication != null && (publication.isBlank() || publication.length() > MAX_TEXT)) {
        return List.of(
            error("publication", "where it was published (a notice, a URL), 1 to 500 characters"));
      }
      return List.of();
    }
  }

  /** {@code POST /api/v1/lotteries/replay}: anyone's independent recomputation. */
  public record Replay(
      @Nullable List<@Nullable String> applicants,
      @Nullable String seed,
      @Nullable Integer places,
      @Nullable List<@Nullable String> struckOut) {

    public List<FieldError> errors() {
      List<FieldError> errors = new ArrayList<>(applicantErrors("applicants", applicants));
      errors.addAll(seedErrors("seed", seed));
      if (places == null || places < 1 || places > MAX_PLACES) {
        errors.add(error("places", "the places, 1 to " + MAX_PLACES));
      }
      if (struckOut != null) {
        Set<String> listed = applicants == null ? Set.of() : new HashSet<>(applicants);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < struckOut.size(); i++) {
          String reference = struckOut.get(i);
          if (reference == null || !listed.contains(reference)) {
            errors.add(
                new FieldError(
                    "struckOut[" + i + "]",
                    "NOT_IN_LIST",
                    "struckOut[" + i + "] " + reference + " is not one of the applicants"));
          } else if (!seen.add(reference)) {
            errors.add(
                new FieldError(
                    "struckOut[" + i + "]",
                    "DUPLICATE",
                    "struckOut[" + i + "] " + reference + " is listed twice"));
          }
        }
      }
      return errors;
    }
  }

  static List<FieldError> applicantErrors(
      String field, @Nullable List<@Nullable String> references) {
    if (references == null || references.isEmpty()) {
      return List.of(error(field, "the applicants' references, one or more"));
    }
    if (references.size() > LotteryDraw.MAX_APPLICANTS) {
      return List.of(error(field, "at most " + LotteryDraw.MAX_APPLICANTS + " references"));
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < references.size(); i++) {
      String reference = references.get(i);
      String at = field + "[" + i + "]";
      var problem = LotteryDraw.referenceProblem(reference);
      if (problem.isPresent()) {
        errors.add(new FieldError(at, "INVALID", at + " " + problem.get()));
      } else if (!seen.add(reference)) {
        errors.add(
            new FieldError(at, "DUPLICATE", at + " " + reference + " is in the list already"));
      }
    }
    return errors;
  }

  static List<FieldError> seedErrors(String field, @Nullable String seed) {
    return LotteryDraw.seedProblem(seed)
        .map(problem -> List.of(new FieldError(field, "INVALID", field + " " + problem)))
        .orElse(List.of());
  }

  private static @Nullable Stage parseStage(@Nullable String text) {
    for (Stage stage : Stage.values()) {
      if (stage.name().equals(text)) {
        return stage;
      }
    }
    return null;
  }

  private static boolean blank(@Nullable String text) {
    return text == null || text.isBlank();
  }

  private static FieldError error(String field, String expected) {
    return new FieldError(field, "INVALID", field + " must be " + expected);
  }
}
