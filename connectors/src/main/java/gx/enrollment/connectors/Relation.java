package gx.enrollment.connectors;

/** How the guardian is related to the child, as the household register records it. */
public enum Relation {
  FATHER,
  MOTHER,
  GUARDIAN
}
