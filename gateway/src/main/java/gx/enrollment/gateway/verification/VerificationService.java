package gx.enrollment.gateway.verification;

import gx.enrollment.connectors.HouseholdQuery;
import gx.enrollment.connectors.Person;
import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.RealEstateQuery;
import gx.enrollment.connectors.ResidencePermitQuery;
import gx.enrollment.connectors.SocialSecurityQuery;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnector;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.connectors.UnavailableReason;
import gx.enrollment.gateway.ids.TimeOrderedIds;
import gx.enrollment.gateway.metrics.EnrollmentMetrics;
import gx.enrollment.gateway.submission.ResidenceKind;
import gx.enrollment.gateway.submission.Submission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Queries, in parallel and under one deadline, only the sources a submission needs, and assembles
 * their answers into a report. Household registration is always needed; the residence permit and
 * social security when the guardian declares the migrant sections of form A; real estate when form
 * A declares an owned home.
 */
public final class VerificationService {

  private static final Logger log = LoggerFactory.getLogger(VerificationService.class);

  /** Slack past the deadline for the connectors' own deadline handling to answer first. */
  private static final Duration GRACE = Duration.ofMillis(150);

  private final SourceConnectors connectors;
  private final ReportAssembler assembler;
  private final SourceQueryAudit audit;
  private final VerificationProperties properties;
  private final EnrollmentMetrics metrics;
  private final Clock clock;

  public VerificationService(
      SourceConnectors connectors,
      ReportAssembler assembler,
      SourceQueryAudit audit,
      VerificationProperties properties,
      EnrollmentMetrics metrics,
      Clock clock) {
    this.connectors = connectors;
    this.assembler = assembler;
    this.audit = audit;
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock;
  }

  public Mono<VerificationReport> verify(Submission submission) {
    return Mono.defer(
        () -> {
          String verificationId = "v-" + TimeOrderedIds.next();
          Instant deadline = clock.instant().plus(properties.deadline());
          List<Mono<SourceResult>> calls = new ArrayList<>();
          Person child =
              person(submission.student().idNumber().value(), submission.student().name());
          Person guardian =
              person(submission.guardian().idNumber().value(), submission.guardian().name());

          calls.add(
              call(
                  connectors.household(),
                  new HouseholdQuery(child, guardian, submission.guardian().relation()),
                  verificationId,
                  deadline,
                  submission));
          if (submission.residencePermitRegion() != null) {
            calls.add(
                call(
                    connectors.residencePermit(),
                    new ResidencePermitQuery(guardian, submission.area().code()),
                    verificationId,
                    deadline,
                    submission));
          }
          if (submission.employer() != null) {
            calls.add(
                call(
                    connectors.socialSecurity(),
                    new SocialSecurityQuery(
                        guardian,
                        submission.area().code(),
                        submission.area().minimumSocialSecurityMonths()),
                    verificationId,
                    deadline,
                    submission));
          }
          var residence = submission.residence();
          if (residence != null
              && residence.kind() == ResidenceKind.OWNED
              && residence.certificateNumber() != null) {
            calls.add(
                call(
                    connectors.realEstate(),
                    new RealEstateQuery(
                        List.of(guardian.idNumber()),
                        residence.certificateNumber(),
                        submission.area().code()),
                    verificationId,
                    deadline,
                    submission));
          }
          return Flux.merge(calls)
              .collectList()
              .map(
                  results ->
                      assembler.assemble(
                          verificationId,
                          submission,
                          results,
                          OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)))
              .doOnNext(report -> metrics.verified(report.outcome()))
              .doOnNext(
                  report ->
                      log.info(
                          "verification {} area={} form={} outcome={}",
                          report.verificationId(),
                          submission.area().code(),
                          submission.formType(),
                          report.outcome()));
        });
  }

  private <Q> Mono<SourceResult> call(
      SourceConnector<Q> connector,
      Q query,
      String verificationId,
      Instant deadline,
      Submission submission) {
    Source source = connector.source();
    QueryContext context = new QueryContext(requestId(verificationId, source), deadline);
    Duration budget = Duration.between(clock.instant(), deadline).plus(GRACE);
    // The connector promises never to fail nor outlive the deadline; this guard keeps that promise
    // for the endpoint even if a connector broke it.
    return Mono.defer(() -> connector.verify(query, context))
        .timeout(
            budget,
            Mono.fromSupplier(
                () ->
                    SourceResult.unavailable(
                        source, UnavailableReason.TIMEOUT, budget.toMillis(), 0)))
        .onErrorResume(
            error -> {
              log.error("connector {} broke its contract and failed", source, error);
              return Mono.just(
                  SourceResult.unavailable(source, UnavailableReason.UPSTREAM_ERROR, 0, 0));
            })
        .doOnNext(result -> metrics.sourceAnswered(result))
        .doOnNext(result -> audit.record(verificationId, context, submission, result));
  }

  /** The {@code X-Request-Id} of one source's check: unique per check, the same on its retries. */
  static String requestId(String verificationId, Source source) {
    return verificationId + "-" + source.key();
  }

  private static Person person(String idNumber, String name) {
    return new Person(idNumber, name);
  }
}
