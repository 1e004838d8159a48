package gx.enrollment.gateway.audit;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the audit trail's readers. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

  /** Records read per query while the chain is walked: what a check holds in memory at once. */
  static final int VERIFICATION_PAGE_SIZE = 500;

  @Bean
  AccessLogStore accessLogStore(DatabaseClient db) {
    return new AccessLogStore(db);
  }

  @Bean
  AuditChainVerifier auditChainVerifier(DatabaseClient db, Clock clock) {
    return new AuditChainVerifier(db, clock, VERIFICATION_PAGE_SIZE);
  }
}
