package gx.enrollment.mocks.internal.faults;

import com.github.tomakehurst.wiremock.core.Admin;
import gx.enrollment.mocks.FaultScenario;
import gx.enrollment.mocks.Upstream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fault switches of all five stubs, so that any stub's admin API (and its console page) can
 * read and switch the faults of every upstream, not only its own.
 */
public final class FaultBoard {

  private record Entry(Admin admin, FaultSwitch faults, int port) {}

  private final Map<Upstream, Entry> entries = new EnumMap<>(Upstream.class);

  /** Adds a started stub: its server (where its fault mappings go), its switch and its port. */
  public synchronized void register(Upstream upstream, Admin admin, FaultSwitch faults, int port) {
    entries.put(upstream, new Entry(admin, faults, port));
  }

  /** Replaces the fault of {@code upstream}. */
  public synchronized void apply(Upstream upstream, FaultScenario scenario) {
    Entry entry = entry(upstream);
    entry.faults().apply(entry.admin(), scenario);
  }

  public synchronized FaultScenario current(Upstream upstream) {
    return entry(upstream).faults().current();
  }

  public synchronized int port(Upstream upstream) {
    return entry(upstream).port();
  }

  /** The upstreams started so far, in declaration order. */
  public synchronized Iterable<Upstream> upstreams() {
    return java.util.List.copyOf(entries.keySet());
  }

  /** {@code REAL_ESTATE}, {@code real_estate} or the slug {@code real-estate}; empty if unknown. */
  public synchronized Optional<Upstream> find(String name) {
    String wanted = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Upstream upstream : entries.keySet()) {
      if (upstream.name().equals(wanted)) {
        return Optional.of(upstream);
      }
    }
    return Optional.empty();
  }

  private Entry entry(Upstream upstream) {
    Entry entry = entries.get(upstream);
    if (entry == null) {
      throw new IllegalStateException(upstream + " stub is not running");
    }
    return entry;
  }
}
