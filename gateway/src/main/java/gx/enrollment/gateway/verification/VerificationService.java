package gx.enrollment.gateway.verification;

import gx.enrollment.connectors.CheckResult;
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
import gx.enrollment.gateway.submission.QueryConsent;
import gx.enrollment.gateway.submission.ResidenceKind;
import gx.enrollment.gateway.submission.Submission;
import gx.enrollment.gateway.web.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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

  /**
   * Asks the sources {@code submission} needs, each under its {@link QueryConsent}; refuses with
   * {@code consent-required} and asks nothing when there is none. Every path that queries sources
   * (the endpoint, a draft's submission, a supplement, recovery and re-checks) comes through here,
   * so this is the one place that decides.
   */
  public Mono<VerificationReport> verify(Submission submission) {
    return verify(submission, null);
  }

  /**
   * Verifies {@code submission}, a correction of an application whose last verification was {@code
   * prior}: a source is asked again only if its question changed, or if its last answer did not
   * confirm every fact (a contradiction is what a supplement is asked to fix, possibly at the
   * source itself, and an unavailable source deserves another try). The other results are carried
   * over and named in the report.
   */
  public Mono<VerificationReport> verify(Submission submission, @Nullable Prior prior) {
    return Mono.defer(
        () -> {
          QueryConsent consent = QueryConsent.of(submission);
          if (consent == null) {
            return Mono.error(ProblemException.consentRequired());
          }
          String verificationId = "v-" + TimeOrderedIds.next();
          Instant deadline = clock.instant().plus(properties.deadline());
          List<Mono<SourceResult>> calls = new ArrayList<>();
          List<Source> carriedOver = new ArrayList<>();
          for (Question<?> question : questions(submission)) {
            SourceResult previous = prior == null ? null : prior.stillValid(question);
            if (previous != null) {
              carriedOver.add(previous.source());
              calls.add(Mono.just(previous));
            } else {
              calls.add(call(question, verificationId, deadline, consent, submission));
            }
          }
          return Flux.merge(calls)
              .collectList()
              .map(
                  results ->
                      assembler
                          .assemble(
                              verificationId,
                              submission,
                              results,
                              OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS))
                          .carryingOver(carriedOver))
              .doOnNext(report -> metrics.verified(report.outcome()))
              // handle, not doOnNext: the request id reaches the MDC only in handle and tap
              // (spring.reactor.context-propagation: limited, see RequestIdLogging)
              .handle(
                  (report, sink) -> {
                    log.info(
                        "verification {} area={} form={} outcome={} carriedOver={}",
                        report.verificationId(),
                        submission.area().code(),
                        submission.formType(),
                        report.outcome(),
                        report.carriedOver());
                    sink.next(report);
                  });
        });
  }

  /**
   * What an earlier verification asked and was answered, for {@link #verify(Submission, Prior)}.
   */
  public Prior prior(Submission previous, VerificationReport report) {
    Map<Source, Object> asked = new EnumMap<>(Source.class);
    for (Question<?> question : questions(previous)) {
      asked.put(question.source(), question.query());
    }
    Map<Source, SourceResult> answers = new EnumMap<>(Source.class);
    for (SourceResult result : report.sources()) {
      answers.put(result.source(), result);
    }
    return new Prior(asked, answers);
  }

  /**
   * The questions and answers of an earlier verification.
   *
   * @param asked each source's query, compared by value with the new one
   */
  public record Prior(Map<Source, Object> asked, Map<Source, SourceResult> answers) {

    /** The earlier answer to {@code question}, if it was the same question and confirmed all. */
    @Nullable SourceResult stillValid(Question<?> question) {
      SourceResult answer = answers.get(question.source());
      boolean sameQuestion = question.query().equals(asked.get(question.source()));
      if (!sameQuestion || answer == null || !answer.answered() || answer.checks().isEmpty()) {
        return null;
      }
      boolean allConfirmed =
          answer.checks().stream()
              .allMatch(check -> check.result().verdict() == CheckResult.Verdict.CONFIRMED);
      return allConfirmed ? answer : null;
    }
  }

  /** One source and what to ask it. */
  record Question<Q>(SourceConnector<Q> connector, Q query) {
    Source source() {
      return connector.source();
    }
  }

  /** The questions {@code submission} needs answered, one per source it involves. */
  private List<Question<?>> questions(Submission submission) {
    List<Question<?>> questions = new ArrayList<>();
    Person child = person(submission.student().idNumber().value(), submission.student().name());
    Person guardian =
        person(submission.guardian().idNumber().value(), submission.guardian().name());
    questions.add(
        new Question<>(
            connectors.household(),
            new HouseholdQuery(child, guardian, submission.guardian().relation())));
    if (submission.residencePermitRegion() != null) {
      questions.add(
          new Question<>(
              connectors.residencePermit(),
              new ResidencePermitQuery(guardian, submission.area().code())));
    }
    if (submission.employer() != null) {
      questions.add(
          new Question<>(
              connectors.socialSecurity(),
              new SocialSecurityQuery(
                  guardian,
                  submission.area().code(),
                  submission.area().minimumSocialSecurityMonths())));
    }
    var residence = submission.residence();
    if (residence != null
        && residence.kind() == ResidenceKind.OWNED
        && residence.certificateNumber() != null) {
      questions.add(
          new Question<>(
              connectors.realEstate(),
              new RealEstateQuery(
                  List.of(guardian.idNumber()),
                  residence.certificateNumber(),
                  submission.area().code())));
    }
    return questions;
  }

  private <Q> Mono<SourceResult> call(
      Question<Q> question,
      String verificationId,
      Instant deadline,
      QueryConsent consent,
      Submission submission) {
    SourceConnector<Q> connector = question.connector();
    Q query = question.query();
    Source source = connector.source();
    QueryContext context =
        QueryContext.forEnrollment(
            requestId(verificationId, source), deadline, consent.consentId());
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
            error ->
                Mono.just(error)
                    .handle(
                        (failure, sink) -> {
                          log.error("connector {} broke its contract and failed", source, failure);
                          sink.next(
                              SourceResult.unavailable(
                                  source, UnavailableReason.UPSTREAM_ERROR, 0, 0));
                        }))
        .doOnNext(result -> metrics.sourceAnswered(result))
        .handle(
            (result, sink) -> {
              audit.record(verificationId, context, consent, submission, result);
              sink.next(result);
            });
  }

  /** The {@code X-Request-Id} of one source's check: unique per check, the same on its retries. */
  static String requestId(String verificationId, Source source) {
    return verificationId + "-" + source.key();
  }

  private static Person person(String idNumber, String name) {
    return new Person(idNumber, name);
  }
}
