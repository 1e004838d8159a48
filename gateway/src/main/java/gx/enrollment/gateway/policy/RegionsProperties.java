package gx.enrollment.gateway.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code config/regions.yml}, bound and validated at start: the gateway refuses to start on a bad
 * file and the message names the key.
 *
 * @param consultationHours when parents may call the consultation phones, e.g. {@code 08:00-18:00}
 * @param ages the age each stage requires, reached on a reference date of the school year
 * @param defaults policy numbers that apply where an area does not set its own
 * @param excluded areas inside the pilot cities but outside the pilot (e.g. 451302 兴宾区)
 * @param areas every county-level unit of the pilot, with its policy
 */
@ConfigurationProperties("enrollment.regions")
@Validated
public record RegionsProperties(
    @NotBlank String consultationHours,
    @Valid @NotNull Ages ages,
    @Valid @NotNull PolicyDefaults defaults,
    List<@Valid ExcludedArea> excluded,
    @NotEmpty List<@Valid Area> areas) {

  private static final String CODE = "\\d{6}";

  public RegionsProperties {
    excluded = excluded == null ? List.of() : List.copyOf(excluded);
    areas = areas == null ? List.of() : List.copyOf(areas);
    Set<String> seen = new HashSet<>();
    Set<String> excludedCodes = new HashSet<>();
    excluded.forEach(area -> excludedCodes.add(area.code()));
    for (int i = 0; i < areas.size(); i++) {
      String code = areas.get(i).code();
      if (!seen.add(code)) {
        throw new IllegalArgumentException(
            "enrollment.regions.areas[" + i + "].code: " + code + " is listed twice");
      }
      if (excludedCodes.contains(code)) {
        throw new IllegalArgumentException(
            "enrollment.regions.areas[" + i + "].code: " + code + " is also listed as excluded");
      }
    }
  }

  /**
   * @param referenceDate the day of the school year ({@code MM-dd}) on which the child's age counts
   * @param primary ages admitted to 小学一年级
   * @param junior ages admitted to 初中一年级
   */
  public record Ages(
      @NotNull @Pattern(regexp = "(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])") String referenceDate,
      @Valid @NotNull AgeRange primary,
      @Valid @NotNull AgeRange junior) {}

  /**
   * @param min the youngest age admitted, in whole years
   * @param max the oldest age admitted, in whole years
   */
  public record AgeRange(@Min(3) @Max(20) int min, @Min(3) @Max(20) int max) {
    public AgeRange {
      if (max < min) {
        throw new IllegalArgumentException("max (" + max + ") is below min (" + min + ")");
      }
    }
  }

  /**
   * @param minimumSocialSecurityMonths continuous months of contribution in the city that count as
   *     stable employment for migrant workers' children
   */
  public record PolicyDefaults(@Min(0) @Max(120) int minimumSocialSecurityMonths) {}

  /**
   * @param code GB/T 2260 code
   * @param name the area's name
   * @param reason why it is not in the pilot, shown to the caller
   */
  public record ExcludedArea(
      @NotNull @Pattern(regexp = CODE) String code,
      @NotBlank String name,
      @NotBlank String reason) {}

  /**
   * @param code GB/T 2260 code of the county-level unit; the city's own code (…00) for 市直属
   * @param city the prefecture-level city (设区市)
   * @param name the county, district or 市直属
   * @param form the form the area's policy uses for ordinary applicants
   * @param phones the consultation phones of the seed's table
   * @param minimumSocialSecurityMonths overrides the default when set
   */
  public record Area(
      @NotNull @Pattern(regexp = CODE) String code,
      @NotBlank String city,
      @NotBlank String name,
      @NotNull FormType form,
      @NotEmpty List<@Pattern(regexp = "0\\d{2,3}-\\d{7,8}") String> phones,
      @Nullable @Min(0) @Max(120) Integer minimumSocialSecurityMonths) {}
}
