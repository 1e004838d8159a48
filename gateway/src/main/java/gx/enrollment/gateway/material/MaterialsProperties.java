package gx.enrollment.gateway.material;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of materials ({@code enrollment.materials.*}).
 *
 * @param maxFileSize the largest file; an upload is refused ({@code 413 file-too-large}) as soon as
 *     more than this has arrived. A file is held in memory once, whole, to be stored, so this is
 *     also the memory one upload may take.
 * @param maxTotalSize the most all materials of one draft or application may add up to
 * @param maxFiles the most materials one draft or application may have
 */
@ConfigurationProperties("enrollment.materials")
@Validated
public record MaterialsProperties(
    @NotNull @DefaultValue("10MB") DataSize maxFileSize,
    @NotNull @DefaultValue("40MB") DataSize maxTotalSize,
    @Min(1) @Max(200) @DefaultValue("20") int maxFiles) {

  /** Above this a file does not fit in one array, nor sensibly in one bytea. */
  static final long LARGEST_FILE = 256L * 1024 * 1024;

  public MaterialsProperties {
    if (maxFileSize != null
        && (maxFileSize.toBytes() < 1 || maxFileSize.toBytes() > LARGEST_FILE)) {
      throw new IllegalArgumentException(
          "enrollment.materials.max-file-size must be 1 byte to 256MB, not " + maxFileSize);
    }
    if (maxFileSize != null
        && maxTotalSize != null
        && maxTotalSize.toBytes() < maxFileSize.toBytes()) {
      throw new IllegalArgumentException(
          "enrollment.materials.max-total-size must be at least max-file-size ("
              + maxTotalSize
              + " < "
              + maxFileSize
              + ")");
    }
  }
}
