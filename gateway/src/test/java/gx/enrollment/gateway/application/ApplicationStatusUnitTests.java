package gx.enrollment.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ApplicationStatus#holdsTheChild()} and the partial unique index that enforces one active
 * application per child say the same thing, status by status.
 */
class ApplicationStatusUnitTests {

  private static String url;

  @BeforeAll
  static void migrate() {
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
    url = postgres.jdbcUrl(postgres.createDatabase("statuses"));
    Flyway.configure().dataSource(url, "postgres", "postgres").load().migrate();
  }

  @ParameterizedTest
  @EnumSource(ApplicationStatus.class)
  void a_status_holds_the_child_exactly_when_the_index_says_so(ApplicationStatus status)
      throws SQLException {
    byte[] child = UUID.randomUUID().toString().getBytes();
    insert(child, status);

    boolean secondAccepted = tryInsert(child, ApplicationStatus.RECEIVED);

    assertThat(secondAccepted).isEqualTo(!status.holdsTheChild());
  }

  private static boolean tryInsert(byte[] child, ApplicationStatus status) throws SQLException {
    try {
      insert(child, status);
      return true;
    } catch (SQLException e) {
      assertThat(e.getSQLState()).isEqualTo("23505");
      return false;
    }
  }

  private static void insert(byte[] child, ApplicationStatus status) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into applications (id, reference, client_id, school_year, stage,"
                    + " form_type, region_code, channel, status, child_id_hash, child_id_cipher,"
                    + " guardian_id_hash, guardian_id_cipher, guardian_phone_cipher, key_id, form,"
                    + " created_at, updated_at) values (?, ?, 'test', 2024, 'PRIMARY', 'A',"
                    + " '450702', 'ONLINE', ?, ?, ?, ?, ?, ?, 'k', '{}'::jsonb, now(), now())")) {
      UUID id = UUID.randomUUID();
      insert.setObject(1, id);
      insert.setString(2, "T-" + id);
      insert.setString(3, status.name());
      insert.setBytes(4, child);
      for (int column = 5; column <= 8; column++) {
        insert.setBytes(column, new byte[] {1});
      }
      insert.executeUpdate();
    }
  }
}
