package gx.enrollment.gateway.draft;

import gx.enrollment.gateway.storage.PersonalDataProtector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/** Wires drafts. */
@Configuration(proxyBeanMethods = false)
public class DraftConfiguration {

  @Bean
  DraftStore draftStore(
      DatabaseClient db,
      PersonalDataProtector protector,
      JsonMapper json,
      TransactionalOperator transactions) {
    return new DraftStore(db, protector, json, transactions);
  }
}
