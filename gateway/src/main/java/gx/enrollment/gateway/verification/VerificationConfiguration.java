package gx.enrollment.gateway.verification;

import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.connectors.settings.SourcesProperties;
import gx.enrollment.gateway.application.ApplicationEvents;
import gx.enrollment.gateway.application.ApplicationService;
import gx.enrollment.gateway.application.ApplicationStore;
import gx.enrollment.gateway.config.ConfigSection;
import gx.enrollment.gateway.events.Outbox;
import gx.enrollment.gateway.idempotency.IdempotencyStore;
import gx.enrollment.gateway.metrics.EnrollmentMetrics;
import gx.enrollment.gateway.policy.RegionDirectory;
import gx.enrollment.gateway.policy.RegionsProperties;
import gx.enrollment.gateway.storage.CryptoProperties;
import gx.enrollment.gateway.storage.PersonalDataProtector;
import gx.enrollment.gateway.submission.SubmissionValidator;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the verification: policy, validation, the four connectors, aggregation, and the storage of
 * submissions with their recovery.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  SourcesProperties.class,
  RegionsProperties.class,
  VerificationProperties.class,
  CryptoProperties.class
})
public class VerificationConfiguration {

  private static final Logger log = LoggerFactory.getLogger(VerificationConfiguration.class);

  @Bean
  RegionDirectory regionDirectory(RegionsProperties regions) {
    return new RegionDirectory(regions);
  }

  /** {@code enrollment.regions} of {@code config/regions.yml}, taken anew on every valid edit. */
  @Bean
  ConfigSection<RegionsProperties> regionsSection(
      RegionsProperties regions, RegionDirectory directory) {
    return ConfigSection.of(
        "regions.yml", "enrollment.regions", RegionsProperties.class, regions, directory::reload);
  }

  @Bean
  SubmissionValidator submissionValidator(RegionDirectory regions, Clock clock) {
    return new SubmissionValidator(regions, clock);
  }

  @Bean
  SourceConnectors sourceConnectors(
      SourcesProperties sources, WebClient.Builder webClients, Clock clock) {
    return SourceConnectors.create(sources, webClients, clock);
  }

  /**
   * {@code sources.*} of {@code config/connectors.yml}: a valid edit rebuilds the connectors of the
   * sources it changed.
   */
  @Bean
  ConfigSection<SourcesProperties> sourcesSection(
      SourcesProperties sources, SourceConnectors connectors) {
    return ConfigSection.of(
        "connectors.yml", "sources", SourcesProperties.class, sources, connectors::reconfigure);
  }

  /**
   * Resolves names and starts the HTTP clients' event loops once the application is ready, so the
   * first verification does not pay for them out of its attempt timeouts.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> warmUpConnectors(SourceConnectors connectors) {
    return event ->
        connectors
            .warmUp()
            .subscribe(null, error -> log.warn("connector warm-up failed: {}", error.toString()));
  }

  @Bean
  VerificationService verificationService(
      SourceConnectors connectors,
      VerificationProperties properties,
      EnrollmentMetrics metrics,
      Clock clock) {
    return new VerificationService(
        connectors, new ReportAssembler(), new SourceQueryAudit(), properties, metrics, clock);
  }

  @Bean
  PersonalDataProtector personalDataProtector(CryptoProperties crypto) {
    return new PersonalDataProtector(crypto);
  }

  @Bean
  ApplicationStore applicationStore(
      DatabaseClient db, PersonalDataProtector protector, JsonMapper json) {
    return new ApplicationStore(db, protector, json);
  }

  @Bean
  ApplicationEvents applicationEvents(Outbox outbox, JsonMapper json, Clock clock) {
    return new ApplicationEvents(outbox, json, clock);
  }

  @Bean
  ApplicationService applicationService(
      ApplicationStore applications,
      ApplicationEvents events,
      TransactionalOperator transactions,
      Clock clock) {
    return new ApplicationService(applications, events, transactions, clock);
  }

  @Bean
  SubmissionService submissionService(
      ApplicationStore applications,
      VerificationService verifications,
      SubmissionValidator validator,
      DatabaseClient db,
      ApplicationEvents events,
      TransactionalOperator transactions,
      JsonMapper json,
      VerificationProperties properties,
      Clock clock) {
    return new SubmissionService(
        applications,
        verifications,
        new VerificationRecords(db, json),
        validator,
        new SubmissionEvents(events),
        new IdempotencyStore(db),
        transactions,
        json,
        properties,
        clock);
  }

  @Bean
  Submitter submitter(SubmissionValidator validator, SubmissionService submissions) {
    return new Submitter(validator, submissions);
  }

  @Bean
  VerificationRecovery verificationRecovery(
      ApplicationStore applications,
      SubmissionValidator validator,
      VerificationService verifications,
      SubmissionService submissions,
      SourceConnectors connectors,
      VerificationProperties properties,
      Clock clock) {
    return new VerificationRecovery(
        applications, validator, verifications, submissions, connectors, properties, clock);
  }
}
