package gx.enrollment.gateway.notify;

import gx.enrollment.gateway.application.ApplicationStore;
import gx.enrollment.gateway.config.ConfigSection;
import gx.enrollment.gateway.events.EventTopics;
import gx.enrollment.gateway.events.TopicConsumer;
import gx.enrollment.gateway.events.TopicSubscriber;
import gx.enrollment.gateway.metrics.EnrollmentMetrics;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the SMS notices of status changes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
public class NotifyConfiguration {

  @Bean
  SmsGateway smsGateway(WebClient.Builder webClients, SmsProperties settings) {
    return new SmsGateway(webClients, settings);
  }

  /** {@code sms.*} of {@code config/connectors.yml}, taken anew on every valid edit. */
  @Bean
  ConfigSection<SmsProperties> smsSection(SmsProperties settings, SmsGateway sms) {
    return ConfigSection.of(
        "connectors.yml", "sms", SmsProperties.class, settings, sms::reconfigure);
  }

  @Bean
  TopicConsumer statusNotifier(
      TopicSubscriber subscriber,
      SmsGateway sms,
      ApplicationStore applications,
      DatabaseClient db,
      JsonMapper json,
      SmsProperties settings,
      EnrollmentMetrics metrics,
      Clock clock) {
    StatusNotifier notifier = new StatusNotifier(sms, applications, db, json, metrics, clock);
    return new TopicConsumer(
        subscriber,
        EventTopics.APPLICATION_STATUS_CHANGED,
        StatusNotifier.GROUP,
        notifier::handle,
        settings.enabled());
  }
}
