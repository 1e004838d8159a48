package gx.enrollment.gateway.material;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The file name stored with a material, made safe to show and to send back in a {@code
 * Content-Disposition}: only its last path segment, no control or invisible formatting characters
 * (e.g. right-to-left overrides that disguise {@code gpj.exe}), no characters file systems refuse,
 * at most {@link #MAX_CODE_POINTS} characters, and always ending in the extension of the type the
 * content really is. Pure: no Spring, no I/O.
 */
public final class MaterialFileNames {

  /** The longest stored name, in Unicode code points, extension included. */
  public static final int MAX_CODE_POINTS = 100;

  private MaterialFileNames() {}

  /** A safe name for {@code declared} (may be null or blank) holding content of {@code type}. */
  public static String sanitise(@Nullable String declared, MaterialType type) {
    String name = declared == null ? "" : declared;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    StringBuilder clean = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              int kind = Character.getType(c);
              if (kind == Character.CONTROL
                  || kind == Character.FORMAT
                  || kind == Character.SURROGATE
                  || kind == Character.PRIVATE_USE
                  || kind == Character.UNASSIGNED
                  || kind == Character.LINE_SEPARATOR
                  || kind == Character.PARAGRAPH_SEPARATOR) {
                return;
              }
              if ("<>:\"/\\|?*".indexOf(c) >= 0 || Character.isWhitespace(c)) {
                clean.append(c == ' ' ? ' ' : '_');
                return;
              }
              clean.appendCodePoint(c);
            });
    String stem = clean.toString().strip();
    while (stem.startsWith(".")) {
      stem = stem.substring(1);
    }
    String extension = "." + type.extension();
    String lower = stem.toLowerCase(Locale.ROOT);
    boolean hasExtension =
        lower.endsWith(extension) || (type == MaterialType.JPEG && lower.endsWith(".jpeg"));
    if (!hasExtension) {
      stem = stem + extension;
    }
    if (stem.equals(extension)) {
      stem = "material" + extension;
    }
    return limit(stem, hasExtension ? stem.substring(stem.lastIndexOf('.')) : extension);
  }

  private static String limit(String name, String extension) {
    if (name.codePointCount(0, name.length()) <= MAX_CODE_POINTS) {
      return name;
    }
    String stem = name.substring(0, name.length() - extension.length());
    int keep = MAX_CODE_POINTS - extension.length();
    return stem.substring(0, stem.offsetByCodePoints(0, keep)) + extension;
  }
}
