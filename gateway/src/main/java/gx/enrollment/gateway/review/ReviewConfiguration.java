package gx.enrollment.gateway.review;

import gx.enrollment.gateway.application.ApplicationEvents;
import gx.enrollment.gateway.application.ApplicationStore;
import gx.enrollment.gateway.events.TopicConsumer;
import gx.enrollment.gateway.events.TopicSubscriber;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/** Wires reviewers' decisions. */
@Configuration(proxyBeanMethods = false)
public class ReviewConfiguration {

  @Bean
  ReviewService reviewService(
      DatabaseClient db,
      ApplicationStore applications,
      ApplicationEvents events,
      TransactionalOperator transactions,
      JsonMapper json,
      Clock clock) {
    return new ReviewService(db, applications, events, transactions, json, clock);
  }

  /**
   * Off with {@code enrollment.review.consumer.enabled=false} (e.g. where another system decides).
   */
  @Bean
  TopicConsumer reviewDecisionConsumer(
      TopicSubscriber subscriber,
      ReviewService reviews,
      JsonMapper json,
      @Value("${enrollment.review.consumer.enabled:true}") boolean enabled) {
    ReviewDecisionConsumer consumer = new ReviewDecisionConsumer(reviews, json);
    return new TopicConsumer(
        subscriber,
        ReviewDecisionConsumer.TOPIC,
        ReviewDecisionConsumer.GROUP,
        consumer::handle,
        enabled);
  }
}
