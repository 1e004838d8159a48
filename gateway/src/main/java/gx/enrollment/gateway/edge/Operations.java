package gx.enrollment.gateway.edge;

import org.springframework.web.server.ServerWebExchange;

/** The operation-table row of an exchange, looked up once and kept in the exchange. */
final class Operations {

  private static final String ATTRIBUTE = Operations.class.getName();

  private Operations() {}

  static OperationTable.Lookup of(ServerWebExchange exchange, OperationTable table) {
    OperationTable.Lookup known = exchange.getAttribute(ATTRIBUTE);
    if (known != null) {
      return known;
    }
    OperationTable.Lookup lookup =
        table.lookup(
            exchange.getRequest().getMethod().name(),
            exchange.getRequest().getPath().pathWithinApplication());
    exchange.getAttributes().put(ATTRIBUTE, lookup);
    return lookup;
  }

  static boolean isOpen(OperationTable.Lookup lookup) {
    return lookup instanceof OperationTable.Found found && found.operation().open();
  }
}
