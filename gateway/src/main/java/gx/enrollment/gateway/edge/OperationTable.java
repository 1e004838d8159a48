package gx.enrollment.gateway.edge;

import gx.enrollment.gateway.edge.EdgeProperties.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The operation table of {@code config/routes.yml}: the first row whose path and method match a
 * call decides who may make it. A call no row names is not let through (fail closed).
 */
public final class OperationTable {

  /** What the table says about one call. */
  public sealed interface Lookup permits Found, OtherMethods, Unknown {}

  /**
   * A row matched.
   *
   * @param id the path's {@code {id}}, if the pattern has one
   */
  public record Found(Operation operation, @Nullable String id) implements Lookup {}

  /** The path is known, but not with this method. */
  public record OtherMethods(List<String> allowed) implements Lookup {}

  /** No row names this path. */
  public record Unknown() implements Lookup {}

  private record Row(Operation operation, PathPattern pattern) {}

  private final List<Row> rows = new ArrayList<>();

  public OperationTable(List<Operation> operations) {
    PathPatternParser parser = new PathPatternParser();
    for (Operation operation : operations) {
      rows.add(new Row(operation, parser.parse(operation.path())));
    }
  }

  public Lookup lookup(String method, PathContainer path) {
    String asked = "HEAD".equals(method) ? "GET" : method;
    Set<String> allowed = new LinkedHashSet<>();
    for (Row row : rows) {
      PathPattern.PathMatchInfo match = row.pattern().matchAndExtract(path);
      if (match == null) {
        continue;
      }
      List<String> methods = row.operation().methods();
      if (methods.isEmpty() || methods.contains(asked) || methods.contains(method)) {
        return new Found(row.operation(), match.getUriVariables().get("id"));
      }
      allowed.addAll(methods);
    }
    return allowed.isEmpty() ? new Unknown() : new OtherMethods(List.copyOf(allowed));
  }
}
