package gx.enrollment.connectors;

import java.util.Objects;

/** 户籍: do child and guardian exist under these names, and is the guardian the guardian? */
public record HouseholdQuery(Person child, Person guardian, Relation relation) {

  public HouseholdQuery {
    Objects.requireNonNull(child, "child");
    Objects.requireNonNull(guardian, "guardian");
    Objects.requireNonNull(relation, "relation");
  }
}
