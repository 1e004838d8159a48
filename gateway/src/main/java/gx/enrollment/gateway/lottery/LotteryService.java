package gx.enrollment.gateway.lottery;

import gx.enrollment.gateway.application.ApplicationEvents;
import gx.enrollment.gateway.application.ApplicationStateMachine;
import gx.enrollment.gateway.application.ApplicationStateMachine.Action;
import gx.enrollment.gateway.application.ApplicationStateMachine.Actor;
import gx.enrollment.gateway.application.ApplicationStateMachine.Decision;
import gx.enrollment.gateway.application.ApplicationStatus;
import gx.enrollment.gateway.application.ApplicationStore;
import gx.enrollment.gateway.edge.Caller;
import gx.enrollment.gateway.ids.TimeOrderedIds;
import gx.enrollment.gateway.lottery.LotteryDraw.Entry;
import gx.enrollment.gateway.lottery.LotteryDraw.Outcome;
import gx.enrollment.gateway.lottery.LotteryStore.Applicant;
import gx.enrollment.gateway.lottery.LotteryStore.LotteryRow;
import gx.enrollment.gateway.policy.RegionDirectory;
import gx.enrollment.gateway.submission.FieldError;
import gx.enrollment.gateway.web.ProblemException;
import gx.enrollment.gateway.web.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The steps of a private-school lottery — create, freeze, announce the seed, draw, publish — each
 * in one transaction on the lottery's locked row: a step already done answers the lottery as it is,
 * a step out of order is refused naming the state, and nothing is half-written. The draw moves
 * every applicant through {@link ApplicationStateMachine} with actor {@code SYSTEM}, by the same
 * statements as reviewers' decisions (status, history line, outbox event, so the SMS notice
 * follows).
 */
public final class LotteryService {

  /** Statuses in which an application may be entered in a lottery (registered, not finished). */
  static final Set<ApplicationStatus> MAY_ENTER =
      EnumSet.of(
          ApplicationStatus.PENDING_ACCEPTANCE,
          ApplicationStatus.NEEDS_SUPPLEMENT,
          ApplicationStatus.IN_PROGRESS);

  /** Statuses still under review: the draw waits until the bureau has decided them. */
  static final Set<ApplicationStatus> UNDECIDED =
      EnumSet.of(
          ApplicationStatus.RECEIVED,
          ApplicationStatus.PENDING_ACCEPTANCE,
          ApplicationStatus.NEEDS_SUPPLEMENT);

  private static final String ACTOR = "SYSTEM";

  private final LotteryStore lotteries;
  private final ApplicationStore applications;
  private final ApplicationEvents events;
  private final RegionDirectory regions;
  private final TransactionalOperator transactions;
  private final Clock clock;

  public LotteryService(
      LotteryStore lotteries,
      ApplicationStore applications,
      ApplicationEvents events,
      RegionDirectory regions,
      TransactionalOperator transactions,
      Clock clock) {
    this.lotteries = lotteries;
    this.applications = applications;
    this.events = events;
    this.regions = regions;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Enters a new lottery: of an area {@code caller} serves ({@code 403} otherwise), every applicant
   * an application of an area it serves, of the lottery's year and stage, that may still enter.
   */
  public Mono<LotteryView> create(LotteryRequests.Create request, Caller caller) {
    List<FieldError> errors = new ArrayList<>(request.errors());
    if (request.regionCode() != null
        && errors.stream().noneMatch(e -> e.field().equals("regionCode"))) {
      if (regions.area(request.regionCode()).isEmpty()) {
        errors.add(
            new FieldError(
                "regionCode",
                "OUTSIDE_PILOT",
                "regionCode " + request.regionCode() + " is not an area of the pilot"));
      } else {
        caller.checkMayFile(request.regionCode(), null);
      }
    }
    // Bad fields of the lottery itself are answered at once; bad applicant lines together with
    // the refusals of the well-formed ones, so that every bad applicant is named in one answer.
    if (errors.stream().anyMatch(e -> !e.field().startsWith("applicants["))) {
      return Mono.error(ProblemException.invalidRequest(errors));
    }
    Set<String> badLines =
        errors.stream().map(FieldError::field).collect(Collectors.toUnmodifiableSet());
    List<@Nullable String> lines = Objects.requireNonNull(request.applicants());
    List<String> references = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!badLines.contains("applicants[" + i + "]")) {
        references.add(Objects.requireNonNull(lines.get(i)));
      }
    }
    UUID id = TimeOrderedIds.next();
    Instant now = clock.instant();
    LotteryRow row =
        new LotteryRow(
            id,
            request.schoolCode(),
            request.schoolName().strip(),
            request.regionCode(),
            request.schoolYear(),
            request.stageValue().name(),
            request.places(),
            LotteryState.CREATED,
            request.createdBy().strip(),
            LotteryStore.at(now),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return lotteries
        .applicants(references)
        .collectMap(Applicant::reference)
        .flatMap(
            found -> {
              List<FieldError> refused = new ArrayList<>(errors);
              refused.addAll(refusedApplicants(row, caller, lines, badLines, found));
              if (!refused.isEmpty()) {
                refused.sort(Comparator.comparing(LotteryService::line));
                return Mono.error(ProblemException.invalidRequest(refused));
              }
              List<Applicant> entrants = references.stream().map(found::get).toList();
              return lotteries.insert(row, entrants).as(transactions::transactional);
            })
        .onErrorResume(
            LotteryStore.LotteryExists.class,
            exists ->
                Mono.error(
                    new ProblemException(
                        ProblemType.LOTTERY_EXISTS,
                        "school "
                            + row.schoolCode()
                            + " has a lottery for "
                            + row.schoolYear()
                            + " "
                            + row.stage()
                            + " already; delete it while CREATED to enter the applicants again",
                        List.of())))
        .onErrorResume(
            LotteryStore.AlreadyInALottery.class,
            race ->
                Mono.error(
                    ProblemException.invalidRequest(
                        List.of(
                            new FieldError(
                                "applicants",
                                "ALREADY_IN_LOTTERY",
                                "an applicant entered another lottery meanwhile; nothing was"
                                    + " stored")))))
        .then(view(id));
  }

  private static int line(FieldError error) {
    String field = error.field();
    return Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
  }

  private static List<FieldError> refusedApplicants(
      LotteryRow lottery,
      Caller caller,
      List<@Nullable String> references,
      Set<String> badLines,
      Map<String, Applicant> found) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < references.size(); i++) {
      String reference = references.get(i);
      String at = "applicants[" + i + "]";
      if (badLines.contains(at) || reference == null) {
        continue;
      }
      Applicant applicant = found.get(reference);
      if (applicant == null) {
        errors.add(
            new FieldError(at, "UNKNOWN_APPLICATION", at + " " + reference + " is no application"));
      } else if (!caller.serves(applicant.regionCode())) {
        // Judged before anything else about it: neither its area nor its status, year or stage is
        // told to a client that does not serve it.
        errors.add(
            new FieldError(
                at,
                "NOT_SERVED",
                at + " " + reference + " is not an application of an area this client serves"));
      } else if (!MAY_ENTER.contains(applicant.status())) {
        errors.add(
            new FieldError(
                at,
                "NOT_ELIGIBLE",
                at
                    + " "
                    + reference
                    + " is "
                    + applicant.status()
                    + " ("
                    + applicant.status().label()
                    + "); only 待受理, 待补正 or 办理中 applications enter a lottery"));
      } else if (applicant.schoolYear() != lottery.schoolYear()) {
        errors.add(
            new FieldError(
                at,
                "WRONG_SCHOOL_YEAR",
                at + " " + reference + " is for school year " + applicant.schoolYear()));
      } else if (!applicant.stage().equals(lottery.stage())) {
        errors.add(
            new FieldError(
                at, "WRONG_STAGE", at + " " + reference + " is for stage " + applicant.stage()));
      } else if (applicant.lotteryId() != null) {
        errors.add(
            new FieldError(
                at,
                "ALREADY_IN_LOTTERY",
                at + " " + reference + " is in lottery " + applicant.lotteryId() + " already"));
      }
    }
    return errors;
  }

  /** Fixes the list and publishes its hash (and the seed's commitment, if given). */
  public Mono<LotteryView> freeze(UUID id, LotteryRequests.Freeze request) {
    if (!request.errors().isEmpty()) {
      return Mono.error(ProblemException.invalidRequest(request.errors()));
    }
    return step(
        id,
        lottery -> {
          if (lottery.state().reached(LotteryState.FROZEN)) {
            if (request.seedCommitment() != null
                && !request.seedCommitment().equals(lottery.seedCommitment())) {
              return Mono.error(
                  conflict(lottery, "it was frozen at " + lottery.frozenAt() + " already"));
            }
            return Mono.empty();
          }
          return lotteries
              .lockApplicants(id)
              .collectList()
              .flatMap(
                  applicants -> {
                    List<Applicant> gone =
                        applicants.stream().filter(a -> !MAY_ENTER.contains(a.status())).toList();
                    if (!gone.isEmpty()) {
                      return Mono.error(
                          notReady(
                              lottery,
                              gone,
                              "applicants left since the lottery was created; delete it and"
                                  + " create it again without them"));
                    }
                    String hash =
                        LotteryDraw.listHash(
                            applicants.stream().map(Applicant::reference).toList());
                    return lotteries.freeze(id, hash, request.seedCommitment(), clock.instant());
                  });
        });
  }

  /** Takes the seed, announced after the freeze and before the draw. */
  public Mono<LotteryView> announceSeed(UUID id, LotteryRequests.Seed request) {
    if (!request.errors().isEmpty()) {
      return Mono.error(ProblemException.invalidRequest(request.errors()));
    }
    String seed = Objects.requireNonNull(request.seed());
    return step(
        id,
        lottery -> {
          if (lottery.state().reached(LotteryState.SEEDED)) {
            return seed.equals(lottery.seed())
                ? Mono.empty()
                : Mono.error(
                    conflict(
                        lottery,
                        "its seed was announced at "
                            + lottery.seedAnnouncedAt()
                            + " and cannot change"));
          }
          if (lottery.state() != LotteryState.FROZEN) {
            return Mono.error(
                conflict(lottery, "the seed is taken once the list is frozen; freeze it first"));
          }
          if (lottery.seedCommitment() != null
              && !LotteryDraw.commitment(seed).equals(lottery.seedCommitment())) {
            return Mono.error(
                ProblemException.invalidRequest(
                    List.of(
                        new FieldError(
                            "seed",
                            "COMMITMENT_MISMATCH",
                            "seed does not hash to the commitment published at the freeze ("
                                + lottery.seedCommitment()
                                + ")"))));
          }
          return lotteries.announceSeed(id, seed, clock.instant());
        });
  }

  /**
   * Ranks the frozen list by the seed, strikes out the applicants that left since the freeze,
   * admits the first places eligible (→ 已办结, admitted to the school) and records the others as not
   * admitted (they stay 办理中 for the bureau's 统筹安排), all in one transaction.
   */
  public Mono<LotteryView> draw(UUID id) {
    return step(
        id,
        lottery -> {
          if (lottery.state().reached(LotteryState.DRAWN)) {
            return Mono.empty();
          }
          if (lottery.state() != LotteryState.SEEDED) {
            return Mono.error(
                conflict(lottery, "the draw needs the frozen list and the announced seed first"));
          }
          return lotteries
              .lockApplicants(id)
              .collectList()
              .flatMap(applicants -> draw(lottery, applicants));
        });
  }

  private Mono<Void> draw(LotteryRow lottery, List<Applicant> applicants) {
    List<Applicant> undecided =
        applicants.stream().filter(a -> UNDECIDED.contains(a.status())).toList();
    if (!undecided.isEmpty()) {
      return Mono.error(
          notReady(
              lottery,
              undecided,
              "applicants are still under review; accept (受理) or return (退件) them first"));
    }
    Map<String, Applicant> byReference =
        applicants.stream().collect(Collectors.toMap(Applicant::reference, a -> a));
    Set<String> struckOut =
        applicants.stream()
            .filter(a -> a.status() != ApplicationStatus.IN_PROGRESS)
            .map(Applicant::reference)
            .collect(Collectors.toSet());
    List<Entry> transcript =
        LotteryDraw.draw(
            byReference.keySet(),
            Objects.requireNonNull(lottery.seed()),
            lottery.places(),
            struckOut);
    Instant now = clock.instant();
    long admitted = transcript.stream().filter(e -> e.outcome() == Outcome.ADMITTED).count();
    return Flux.fromIterable(transcript)
        .concatMap(entry -> settle(lottery, entry, byReference.get(entry.reference()), now))
        .then(lotteries.markDrawn(lottery.id(), (int) admitted, now));
  }

  private Mono<Void> settle(LotteryRow lottery, Entry entry, Applicant applicant, Instant now) {
    if (entry.outcome() == Outcome.STRUCK_OUT) {
      return lotteries.recordEntry(
          lottery.id(),
          entry,
          "struck out: "
              + applicant.status()
              + " ("
              + applicant.status().label()
              + ") at the draw");
    }
    String drawn = "电脑随机录取第 " + entry.rank() + " 位，摇号 " + lottery.id();
    if (entry.outcome() == Outcome.ADMITTED) {
      String reason = "录取：" + lottery.schoolName() + "（" + drawn + "）";
      return lotteries
          .recordEntry(lottery.id(), entry, null)
          .then(move(applicant, Action.COMPLETE, reason, now))
          .then(lotteries.recordAdmission(lottery, applicant, entry.rank(), reason, now));
    }
    String reason = "民办学校" + lottery.schoolName() + "未录取（" + drawn + "），由教育行政部门统筹安排学位";
    return lotteries
        .recordEntry(lottery.id(), entry, null)
        .then(move(applicant, Action.LOTTERY_NOT_ADMITTED, reason, now));
  }

  /** The one path of every status change: decided by the table, stored, its history, its event. */
  private Mono<Void> move(Applicant applicant, Action action, String reason, Instant now) {
    Decision decision = ApplicationStateMachine.decide(applicant.status(), action, Actor.SYSTEM);
    if (decision instanceof Decision.Refused refused) {
      // The rows are locked and IN_PROGRESS was checked: this is a bug, and rolls everything back.
      return Mono.error(new IllegalStateException(refused.reason()));
    }
    Decision.Allowed allowed = (Decision.Allowed) decision;
    return applications
        .changeStatus(applicant.applicationId(), allowed.from(), allowed.to(), ACTOR, reason, now)
        .then(
            events.statusChanged(
                applicant.handle(), allowed.from(), allowed.to(), ACTOR, reason, now));
  }

  /** Records that the transcript has been published. */
  public Mono<LotteryView> publish(UUID id, LotteryRequests.Publish request) {
    if (!request.errors().isEmpty()) {
      return Mono.error(ProblemException.invalidRequest(request.errors()));
    }
    return step(
        id,
        lottery -> {
          if (lottery.state() == LotteryState.PUBLISHED) {
            return Mono.empty();
          }
          if (lottery.state() != LotteryState.DRAWN) {
            return Mono.error(conflict(lottery, "only a drawn lottery is published"));
          }
          String publication = request.publication() == null ? null : request.publication().strip();
          return lotteries.publish(id, publication, clock.instant());
        });
  }

  /** Throws away a lottery still CREATED (a wrong list or number of places). */
  public Mono<Void> delete(UUID id) {
    return lotteries
        .lock(id)
        .switchIfEmpty(Mono.error(() -> notFound(id)))
        .flatMap(
            lottery ->
                lottery.state() == LotteryState.CREATED
                    ? lotteries.delete(id)
                    : Mono.error(conflict(lottery, "a frozen lottery is never deleted")))
        .as(transactions::transactional);
  }

  public Mono<LotteryView> view(UUID id) {
    return lotteries
        .find(id)
        .switchIfEmpty(Mono.error(() -> notFound(id)))
        .zipWith(lotteries.entries(id), LotteryService::view);
  }

  /** The canonical frozen list, as its hash was computed; once frozen. */
  public Mono<String> frozenList(UUID id) {
    return view(id)
        .flatMap(
            lottery -> {
              if (lottery.listHash() == null) {
                return Mono.error(
                    ProblemException.lotteryConflict(
                        id, lottery.state(), "the list is published once it is frozen"));
              }
              return Mono.just(
                  new String(
                      LotteryDraw.canonicalList(
                          lottery.entries().stream()
                              .map(LotteryView.EntryLine::reference)
                              .toList()),
                      StandardCharsets.UTF_8));
            });
  }

  /**
   * Recomputes the stored draw from the stored frozen list, seed, places and struck-out applicants
   * with {@link LotteryDraw}, and compares it with the stored transcript.
   */
  public Mono<ReplayView> replay(UUID id) {
    return view(id)
        .flatMap(
            lottery -> {
              if (lottery.drawnAt() == null || lottery.seed() == null) {
                return Mono.error(
                    ProblemException.lotteryConflict(
                        id, lottery.state(), "only a drawn lottery can be replayed"));
              }
              List<String> references =
                  lottery.entries().stream().map(LotteryView.EntryLine::reference).toList();
              List<String> struckOut =
                  lottery.entries().stream()
                      .filter(e -> Outcome.STRUCK_OUT.name().equals(e.outcome()))
                      .map(LotteryView.EntryLine::reference)
                      .sorted()
                      .toList();
              List<Entry> ranking =
                  LotteryDraw.draw(
                      references, lottery.seed(), lottery.places(), Set.copyOf(struckOut));
              Map<String, LotteryView.EntryLine> stored = new HashMap<>();
              lottery.entries().forEach(line -> stored.put(line.reference(), line));
              List<String> differences = new ArrayList<>();
              for (Entry entry : ranking) {
                LotteryView.EntryLine line = stored.get(entry.reference());
                if (!Objects.equals(line.rank(), entry.rank())
                    || !entry.rankValue().equals(line.rankValue())
                    || !entry.outcome().name().equals(line.outcome())) {
                  differences.add(entry.reference());
                }
              }
              String listHash = LotteryDraw.listHash(references);
              String commitment = LotteryDraw.commitment(lottery.seed());
              return Mono.just(
                  new ReplayView(
                      id,
                      listHash,
                      listHash.equals(lottery.listHash()),
                      lottery.seed(),
                      commitment,
                      lottery.seedCommitment() == null
                          ? null
                          : commitment.equals(lottery.seedCommitment()),
                      lottery.places(),
                      struckOut,
                      LotteryView.Rules.CURRENT,
                      ranking,
                      differences.isEmpty(),
                      differences));
            });
  }

  /** Anyone's recomputation from the published list, seed, places and struck-out applicants. */
  public Mono<ReplayView> replay(LotteryRequests.Replay request) {
    List<FieldError> errors = request.errors();
    if (!errors.isEmpty()) {
      return Mono.error(ProblemException.invalidRequest(errors));
    }
    List<String> references = List.copyOf(Objects.requireNonNull(request.applicants()));
    List<String> struckOut =
        request.struckOut() == null ? List.of() : request.struckOut().stream().sorted().toList();
    String seed = Objects.requireNonNull(request.seed());
    List<Entry> ranking =
        LotteryDraw.draw(references, seed, request.places(), Set.copyOf(struckOut));
    return Mono.just(
        new ReplayView(
            null,
            LotteryDraw.listHash(references),
            null,
            seed,
            LotteryDraw.commitment(seed),
            null,
            request.places(),
            struckOut,
            LotteryView.Rules.CURRENT,
            ranking,
            null,
            null));
  }

  /** Runs {@code change} on the locked lottery in one transaction, then answers the lottery. */
  private Mono<LotteryView> step(UUID id, Function<LotteryRow, Mono<Void>> change) {
    return lotteries
        .lock(id)
        .switchIfEmpty(Mono.error(() -> notFound(id)))
        .flatMap(change)
        .as(transactions::transactional)
        .then(view(id));
  }

  private static LotteryView view(LotteryRow row, List<LotteryView.EntryLine> entries) {
    return new LotteryView(
        row.id(),
        row.schoolCode(),
        row.schoolName(),
        row.regionCode(),
        row.schoolYear(),
        row.stage(),
        row.places(),
        row.state().name(),
        row.createdBy(),
        row.createdAt(),
        entries.size(),
        row.listHash(),
        row.frozenAt(),
        row.seedCommitment(),
        row.seed(),
        row.seedAnnouncedAt(),
        row.drawnAt(),
        row.admittedCount(),
        row.publishedAt(),
        row.publication(),
        LotteryView.Rules.CURRENT,
        entries);
  }

  private static ProblemException conflict(LotteryRow lottery, String why) {
    return ProblemException.lotteryConflict(lottery.id(), lottery.state().name(), why);
  }

  private static ProblemException notReady(
      LotteryRow lottery, List<Applicant> applicants, String why) {
    List<Map<String, String>> named = new ArrayList<>();
    for (Applicant applicant : applicants) {
      Map<String, String> line = new LinkedHashMap<>();
      line.put("reference", applicant.reference());
      line.put("status", applicant.status().name());
      line.put("statusLabel", applicant.status().label());
      named.add(line);
    }
    return new ProblemException(
        ProblemType.LOTTERY_NOT_READY,
        "lottery "
            + lottery.id()
            + " is "
            + lottery.state()
            + ": "
            + applicants.size()
            + " "
            + why
            + ": "
            + applicants.stream()
                .map(a -> a.reference() + " " + a.status())
                .collect(Collectors.joining(", ")),
        List.of(),
        Map.of(
            "lotteryId", lottery.id().toString(),
            "currentState", lottery.state().name(),
            "applicants", named));
  }

  private static ProblemException notFound(UUID id) {
    return ProblemException.notFound("lottery " + id);
  }
}
