package gx.enrollment.mocks;

import gx.enrollment.mocks.population.Family;
import gx.enrollment.mocks.population.SyntheticPopulation;
import java.util.ArrayList;
import java.util.List;

/**
 * The text {@code --list} prints for testers: endpoints and tokens, the families with their full
 * synthetic identifiers (to type into the portal), and the fault scenarios.
 */
final class PopulationTable {

  private PopulationTable() {}

  static String render(SyntheticPopulation population, StubOptions options, int portBase) {
    StringBuilder out = new StringBuilder();
    out.append("ENDPOINTS (bearer tokens; headers X-Request-Id and X-Purpose: ENROLLMENT)\n");
    List<List<String>> endpoints = new ArrayList<>();
    endpoints.add(List.of("UPSTREAM", "URL", "TOKEN"));
    for (Upstream upstream : Upstream.values()) {
      String url =
          "http://" + options.bindAddress() + ":" + upstream.port(portBase) + upstream.path();
      endpoints.add(List.of(upstream.name(), url, options.token(upstream)));
    }
    table(out, endpoints);

    out.append("\nFAMILIES — every ID number, name, phone and certificate here is SYNTHETIC:\n")
        .append("the IDs pass the GB 11643 check but belong to nobody. Today is ")
        .append(population.today())
        .append(".\n");
    List<List<String>> families = new ArrayList<>();
    families.add(
        List.of(
            "KEY",
            "STAGE",
            "REGION",
            "CHILD ID",
            "CHILD (TYPED)",
            "GUARDIAN ID",
            "GUARDIAN",
            "RELATION",
            "PHONE",
            "CERTIFICATE"));
    for (Family family : population.families()) {
      families.add(
          List.of(
              family.key(),
              family.stage().name(),
              family.regionCode(),
              family.child().idNumber(),
              family.declaredChildName(),
              family.guardian().idNumber(),
              family.guardian().name(),
              family.relation(),
              family.phone(),
              family.property() == null ? "-" : family.property().certificateNumber()));
    }
    table(out, families);

    out.append("\nWHAT THE HAND-WRITTEN FAMILIES EXERCISE\n");
    List<List<String>> named = new ArrayList<>();
    named.add(List.of("KEY", "EXERCISES"));
    for (Family family : population.families()) {
      if (!family.key().startsWith("gen-")) {
        named.add(List.of(family.key(), family.description()));
      }
    }
    table(out, named);

    out.append("\nFAULTS: POST http://HOST:PORT/__admin/ext/fault with one of\n");
    for (String example :
        List.of(
            "{\"type\":\"NONE\"}",
            "{\"type\":\"LATENCY\",\"millis\":800}",
            "{\"type\":\"SERVICE_UNAVAILABLE\"}",
            "{\"type\":\"TOO_MANY_REQUESTS\",\"retryAfterSeconds\":2}",
            "{\"type\":\"CONNECTION_RESET\"}",
            "{\"type\":\"MALFORMED_BODY\"}",
            "{\"type\":\"UNDOCUMENTED_STATUS\"}",
            "{\"type\":\"MISSING_FIELD\"}",
            "{\"type\":\"HANG\"}              (answers after 60 s; \"millis\" to change)",
            "{\"type\":\"FLAKY\",\"failures\":2}")) {
      out.append("  ").append(example).append('\n');
    }
    out.append("DELETE /__admin/ext/fault clears it; GET shows it. ")
        .append("GET|DELETE /__admin/ext/counters, GET|DELETE /__admin/ext/sms/messages (SMS).\n");
    return out.toString();
  }

  private static void table(StringBuilder out, List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], displayWidth(row.get(c)));
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String cell = row.get(c);
        line.append(cell);
        if (c < columns - 1) {
          line.append(" ".repeat(widths[c] - displayWidth(cell) + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /** Terminal columns: Han characters and full-width forms take two. */
  static int displayWidth(String text) {
    return text.codePoints().map(cp -> cp >= 0x2E80 && cp != 0xFF61 ? 2 : 1).sum();
  }
}
