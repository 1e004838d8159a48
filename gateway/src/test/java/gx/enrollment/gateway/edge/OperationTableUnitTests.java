package gx.enrollment.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.edge.EdgeProperties.Operation;
import gx.enrollment.gateway.edge.EdgeProperties.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;

class OperationTableUnitTests {

  private final OperationTable table =
      new OperationTable(
          List.of(
              new Operation(
                  "draft",
                  List.of("GET", "PUT"),
                  "/api/v1/applications/drafts/{id}",
                  List.of(Role.PORTAL),
                  false,
                  Scope.DRAFT),
              new Operation(
                  "read",
                  List.of("GET"),
                  "/api/v1/applications/{id}",
                  List.of(Role.PORTAL, Role.REVIEWER),
                  false,
                  Scope.APPLICATION),
              new Operation(
                  "withdraw",
                  List.of("POST"),
                  "/api/v1/applications/{id}/withdrawal",
                  List.of(Role.PORTAL),
                  false,
                  Scope.APPLICATION),
              new Operation(
                  "probes",
                  List.of("GET"),
                  "/actuator/health/{probe:liveness|readiness}",
                  List.of(),
                  true,
                  Scope.NONE),
              new Operation(
                  "actuator",
                  List.of(),
                  "/actuator/**",
                  List.of(Role.OPERATOR),
                  false,
                  Scope.NONE)));

  private OperationTable.Lookup lookup(String method, String path) {
    return table.lookup(method, PathContainer.parsePath(path));
  }

  @Test
  void the_first_matching_row_decides_and_names_the_id() {
    OperationTable.Lookup draft = lookup("GET", "/api/v1/applications/drafts/d-1");
    assertThat(draft).isInstanceOf(OperationTable.Found.class);
    assertThat(((OperationTable.Found) draft).operation().id()).isEqualTo("draft");
    assertThat(((OperationTable.Found) draft).id()).isEqualTo("d-1");

    OperationTable.Lookup read = lookup("GET", "/api/v1/applications/a-1");
    assertThat(((OperationTable.Found) read).operation().id()).isEqualTo("read");
    assertThat(((OperationTable.Found) read).id()).isEqualTo("a-1");
  }

  @Test
  void head_is_a_get() {
    assertThat(lookup("HEAD", "/api/v1/applications/a-1")).isInstanceOf(OperationTable.Found.class);
  }

  @Test
  void a_known_path_with_another_method_lists_the_methods_it_has() {
    assertThat(lookup("DELETE", "/api/v1/applications/drafts/d-1"))
        .isEqualTo(new OperationTable.OtherMethods(List.of("GET", "PUT")));
    assertThat(lookup("GET", "/api/v1/applications/a-1/withdrawal"))
        .isEqualTo(new OperationTable.OtherMethods(List.of("POST")));
  }

  @Test
  void an_unlisted_path_is_unknown() {
    assertThat(lookup("GET", "/api/v1/secrets")).isInstanceOf(OperationTable.Unknown.class);
    assertThat(lookup("GET", "/api/v1/applications/a-1/secrets"))
        .isInstanceOf(OperationTable.Unknown.class);
  }

  @Test
  void only_the_named_probes_are_open_the_rest_of_the_actuator_is_not() {
    assertThat(
            ((OperationTable.Found) lookup("GET", "/actuator/health/liveness")).operation().open())
        .isTrue();
    OperationTable.Found env = (OperationTable.Found) lookup("GET", "/actuator/health/env");
    assertThat(env.operation().id()).isEqualTo("actuator");
    assertThat(env.operation().open()).isFalse();
  }
}
