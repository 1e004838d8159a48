package gx.enrollment.connectors.resilience;

import gx.enrollment.connectors.Check;
import gx.enrollment.connectors.Detail;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a connector read from one documented answer: the checks and the details, before the stack
 * adds the source, the attempts and the latency to make a {@link
 * gx.enrollment.connectors.SourceResult}.
 */
public record SourceAnswer(List<Check> checks, Map<Detail, String> details) {

  public SourceAnswer {
    checks = List.copyOf(checks);
    details = details.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(details));
  }
}
