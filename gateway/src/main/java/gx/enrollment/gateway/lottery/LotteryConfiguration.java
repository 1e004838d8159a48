package gx.enrollment.gateway.lottery;

import gx.enrollment.gateway.application.ApplicationEvents;
import gx.enrollment.gateway.application.ApplicationStore;
import gx.enrollment.gateway.policy.RegionDirectory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/** Wires the private-school lottery. */
@Configuration(proxyBeanMethods = false)
public class LotteryConfiguration {

  @Bean
  LotteryService lotteryService(
      DatabaseClient db,
      JsonMapper json,
      ApplicationStore applications,
      ApplicationEvents events,
      RegionDirectory regions,
      TransactionalOperator transactions,
      Clock clock) {
    return new LotteryService(
        new LotteryStore(db, json), applications, events, regions, transactions, clock);
  }
}
