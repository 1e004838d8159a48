package gx.enrollment.connectors.realestate;

/**
 * Whether a property's region lies in the region applied for (GB/T 2260 codes: 2 digits province, 2
 * city, 2 county). A city-level code ending in {@code 00} (市直属, e.g. {@code 450700}) covers every
 * county of that city; a county code covers only itself.
 */
final class RegionCodes {

  private RegionCodes() {}

  static boolean covers(String applied, String property) {
    if (applied.equals(property)) {
      return true;
    }
    return applied.endsWith("00")
        && applied.length() == 6
        && property.length() == 6
        && applied.regionMatches(0, property, 0, 4);
  }
}
