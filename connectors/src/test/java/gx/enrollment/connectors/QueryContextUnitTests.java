package gx.enrollment.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryContextUnitTests {

  @Test
  void an_enrollment_query_carries_its_purpose_and_consent() {
    QueryContext context = QueryContext.forEnrollment("r-1", Instant.EPOCH, "c-7f3a");

    assertThat(context.purpose()).isEqualTo("ENROLLMENT");
    assertThat(context.consentId()).isEqualTo("c-7f3a");
  }

  @Test
  void refuses_a_consent_id_or_purpose_that_is_no_header_value() {
    assertThatThrownBy(() -> QueryContext.forEnrollment("r-1", Instant.EPOCH, "c-1\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("consentId");
    assertThatThrownBy(() -> QueryContext.forEnrollment("r-1", Instant.EPOCH, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QueryContext("r-1", Instant.EPOCH, "ENROLLMENT PLUS", "c-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("purpose");
  }
}
