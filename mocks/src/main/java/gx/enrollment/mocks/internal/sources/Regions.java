package gx.enrollment.mocks.internal.sources;

/** Comparisons of GB/T 2260 region codes and of names as the sources make them. */
final class Regions {

  private Regions() {}

  /** Same prefecture-level city: the first four digits agree (4507xx is 钦州). */
  static boolean sameCity(String regionCode, String otherRegionCode) {
    return regionCode.regionMatches(0, otherRegionCode, 0, 4);
  }

  /** Whether two names are the same, whichever middle dot the typist used for {@code ·}. */
  static boolean sameName(String registered, String typed) {
    return canonical(registered).equals(canonical(typed));
  }

  private static String canonical(String name) {
    return name.strip()
        .replace('\u2022', '\u00B7')
        .replace('\u2027', '\u00B7')
        .replace('\u30FB', '\u00B7')
        .replace('\uFF0E', '\u00B7')
        .replace('.', '\u00B7');
  }
}
