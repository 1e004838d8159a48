package gx.enrollment.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical form of an audit record, as V8__audit_chain.sql and the README document it. */
class AuditRecordHashUnitTests {

  @Test
  void writes_every_element_with_its_utf8_length_and_nulls_as_a_tilde() {
    String canonical =
        AuditRecordHash.canonical(
            "application_status_history",
            3,
            42,
            Arrays.asList(
                "0192a3b4-0000-7000-8000-000000000001", null, "RECEIVED", "SYSTEM", "改为线下"),
            AuditRecordHash.GENESIS);

    assertThat(canonical)
        .isEqualTo(
            "11:gx-audit-v1|26:application_status_history|1:3|2:42"
                + "|36:0192a3b4-0000-7000-8000-000000000001|~|8:RECEIVED|6:SYSTEM|12:改为线下|64:"
                + "0".repeat(64));
  }

  @Test
  void a_separator_inside_a_text_cannot_pass_for_another_field() {
    String joined = AuditRecordHash.hash("t", 1, 1, List.of("a|1:b"), AuditRecordHash.GENESIS);
    String split = AuditRecordHash.hash("t", 1, 1, List.of("a", "b"), AuditRecordHash.GENESIS);
    String empty =
        AuditRecordHash.hash("t", 1, 1, Arrays.asList((String) null), AuditRecordHash.GENESIS);
    String emptyText = AuditRecordHash.hash("t", 1, 1, List.of(""), AuditRecordHash.GENESIS);

    assertThat(joined).isNotEqualTo(split);
    assertThat(empty).isNotEqualTo(emptyText);
  }

  @Test
  void hashes_with_sha256_in_lower_case_hex() {
    assertThat(AuditRecordHash.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void writes_timestamps_as_microseconds_since_the_epoch() {
    assertThat(AuditRecordHash.micros(Instant.parse("2025-05-01T00:04:59.123456789Z")))
        .isEqualTo("1746057899123456");
    assertThat(AuditRecordHash.micros(Instant.parse("1969-12-31T23:59:59.5Z")))
        .isEqualTo("-500000");
  }
}
