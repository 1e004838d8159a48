package gx.enrollment.bench;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.Http2AllocationStrategy;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Scenario (f): how many verifications the gateway holds in flight at once when every source
 * answers after 1 s. Sends N form-B, then N form-A verifications as fast as the generator can, over
 * HTTP/2 cleartext with prior knowledge (Reactor Netty's client; many streams on a few connections,
 * so the generator's and the gateway's inbound sockets stay few), waits for every answer (long
 * client timeout), and reports what came back and what the gateway held meanwhile.
 *
 * <p>The gateway's own knobs are set for it in its (copied) {@code connectors.yml}, which it
 * reloads live: attempt timeout, slow-call duration and the bulkhead (also each source's
 * connection-pool size) per source; the normal file is put back afterwards. The open-file limit of
 * the gateway's process bounds N: every upstream call in flight holds one socket (HTTP/1.1 to the
 * sources).
 */
final class InFlight {

  private static final Pattern REASON = Pattern.compile("\"reason\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.E+-]+)");
  private static final Pattern ACTIVE =
      Pattern.compile(
          "\"statistic\"\\s*:\\s*\"ACTIVE_TASKS\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.E+-]+)");

  private final Bench bench;
  private final int requested = Integer.parseInt(Bench.env("INFLIGHT_N", "10000"));
  private final String requestedA = Bench.env("INFLIGHT_N_A", "");
  private final int timeoutS = Integer.parseInt(Bench.env("INFLIGHT_TIMEOUT_S", "180"));
  private final int delayMs = Integer.parseInt(Bench.env("INFLIGHT_DELAY_MS", "1000"));
  private final String attemptTimeout = Bench.env("INFLIGHT_ATTEMPT_TIMEOUT", "3s");
  private final String slowCall = Bench.env("INFLIGHT_SLOW_CALL", "5s");
  private final int streamsPerConnection =
      Integer.parseInt(Bench.env("INFLIGHT_STREAMS_PER_CONNECTION", "100"));
  private final long stubsPid = Long.parseLong(Bench.env("STUBS_PID", "0"));
  private final Path configDir = Path.of(Bench.env("CONFIG_DIR", "config"));
  private final List<Result> results = new ArrayList<>();
  private String normalConnectors;

  record Result(
      String scenario,
      int n,
      int sent,
      int ok,
      int errors,
      String errorKinds,
      int reportsWithUnavailable,
      String reasons,
      int peakInFlight,
      double firstAnswerS,
      double allAnsweredS,
      double p50,
      double p99,
      double max,
      String peakBulkhead,
      long peakActiveRequests,
      long peakThreads,
      long peakFds,
      long fdLimit,
      long peakStubFds,
      int clientConnections,
      String heapAfterGc,
      String limitNote) {}

  InFlight(Bench bench) {
    this.bench = bench;
  }

  List<Result> run() throws Exception {
    Path file = configDir.resolve("connectors.yml");
    Path normal = configDir.resolve("connectors.yml.bench-normal");
    normalConnectors = Files.readString(Files.exists(normal) ? normal : file);
    long fdLimit = fdLimit(bench.gatewayPid);
    long baseFds = fds(bench.gatewayPid);
    // every source call in flight holds one socket of the gateway; keep 1000 for the rest
    long budget = fdLimit > 0 ? fdLimit - Math.max(baseFds, 0) - 1000 : Long.MAX_VALUE;
    int nB = (int) Math.min(requested, budget);
    int nA =
        requestedA.isEmpty()
            ? (int) Math.min(requested, budget / 4 / 100 * 100)
            : Integer.parseInt(requestedA);
    Bench.log(
        String.format(
            Locale.ROOT,
            "(f) in flight with %d ms stub delays: gateway open files %d of limit %d; form B N=%d"
                + " (1 source socket each), form A N=%d (4 each); requested %d",
            delayMs,
            baseFds,
            fdLimit,
            nB,
            nA,
            requested));
    try {
      for (int s = 0; s < 4; s++) {
        bench.fault(s, "{\"type\":\"LATENCY\",\"millis\":" + delayMs + "}");
      }
      if (nB > 0) {
        reconfigure(new int[] {nB, 100, 100, 100});
        results.add(step("f-formB-inflight", nB, bench::formB, fdLimit, nB + " household sockets"));
      }
      if (nA > 0) {
        reconfigure(new int[] {nA, nA, nA, nA});
        drainSockets(baseFds);
        results.add(
            step("f-formA-inflight", nA, bench::formA, fdLimit, 4 * nA + " source sockets"));
      }
    } finally {
      for (int s = 0; s < 4; s++) {
        bench.fault(s, "{\"type\":\"LATENCY\",\"millis\":" + bench.delays[s] + "}");
      }
      writeConnectors(normalConnectors);
    }
    return results;
  }

  // ---- one step

  Result step(String name, int n, Supplier<String> body, long fdLimit, String sockets)
      throws Exception {
    int connections = Math.max(1, (n + streamsPerConnection - 1) / streamsPerConnection) + 1;
    ConnectionProvider provider =
        ConnectionProvider.builder("bench-h2c")
            .maxConnections(connections)
            .pendingAcquireMaxCount(-1)
            .pendingAcquireTimeout(Duration.ofSeconds(timeoutS))
            .allocationStrategy(
                Http2AllocationStrategy.builder()
                    .maxConnections(connections)
                    .minConnections(1)
                    .maxConcurrentStreams(streamsPerConnection)
                    .build())
            .build();
    HttpClient client =
        HttpClient.create(provider)
            .protocol(HttpProtocol.H2C)
            .responseTimeout(Duration.ofSeconds(timeoutS))
            .headers(
                h ->
                    h.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .set("X-Api-Key", Bench.BENCH_API_KEY));
    String uri = bench.gateway + "/api/v1/verifications";

    Sampler sampler = new Sampler();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger unavailable = new AtomicInteger();
    AtomicLong firstAnswer = new AtomicLong();
    AtomicLong lastAnswer = new AtomicLong();
    AtomicInteger peak = new AtomicInteger();
    Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();
    org.HdrHistogram.Histogram histogram =
        new org.HdrHistogram.Histogram(TimeUnit.SECONDS.toMicros(timeoutS + 60L), 3);
    List<CompletableFuture<?>> all = new ArrayList<>(n);
    java.util.concurrent.atomic.AtomicBoolean closed =
        new java.util.concurrent.atomic.AtomicBoolean();
    String[] sample = new String[1];
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long sentAt = System.nanoTime();
      CompletableFuture<String[]> answer =
          client
              .post()
              .uri(uri)
              .send(ByteBufMono.fromString(Mono.just(body.get())))
              .responseSingle(
                  (response, content) ->
                      content
                          .asString(StandardCharsets.UTF_8)
                          .defaultIfEmpty("")
                          .map(
                              text ->
                                  new String[] {String.valueOf(response.status().code()), text}))
              // the client's own limit (cancels the stream); Reactor Netty's responseTimeout did
              // not end requests still waiting for the gateway's first byte over h2c
              .timeout(Duration.ofSeconds(timeoutS))
              .toFuture();
      all.add(
          answer.whenComplete(
              (r, failure) -> {
                if (closed.get()) {
                  return; // ended by closing the client after the wait: counted as unfinished
                }
                long now = System.nanoTime();
                done.incrementAndGet();
                firstAnswer.compareAndSet(0, now);
                lastAnswer.accumulateAndGet(now, Math::max);
                if (failure == null && r[0].equals("200")) {
                  synchronized (histogram) {
                    histogram.recordValue(
                        Math.min((now - sentAt) / 1000, histogram.getHighestTrackableValue()));
                  }
                  ok.incrementAndGet();
                  if (sample[0] == null) {
                    sample[0] = r[1];
                  }
                  Matcher m = REASON.matcher(r[1]);
                  boolean any = false;
                  while (m.find()) {
                    if (!m.group(1).equals("SKIPPED")) {
                      any = true;
                      reasons
                          .computeIfAbsent(m.group(1), k -> new AtomicInteger())
                          .incrementAndGet();
                    }
                  }
                  if (any) {
                    unavailable.incrementAndGet();
                  }
                } else {
                  String kind =
                      failure != null
                          ? Bench.rootCause(failure).getClass().getSimpleName()
                          : "HTTP " + r[0];
                  kinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                }
              }));
      peak.accumulateAndGet(i + 1 - done.get(), Math::max);
    }
    double sendS = (System.nanoTime() - start) / 1e9;
    Bench.log(
        String.format(
            Locale.ROOT,
            "%s: %d sent in %.1f s over at most %d h2c connections; waiting for the answers",
            name,
            n,
            sendS,
            connections));
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
          .get(timeoutS + 30L, TimeUnit.SECONDS);
    } catch (Exception e) {
      // counted below
    }
    closed.set(true);
    long unfinished = all.stream().filter(f -> !f.isDone()).count();
    if (unfinished > 0) {
      kinds.put("unfinished", new AtomicInteger((int) unfinished));
    }
    sampler.stop();
    provider.disposeLater().block(Duration.ofSeconds(10));
    if (sample[0] != null) {
      Bench.log(name + " a sample answer: " + sample[0]);
    }
    String heap = heapAfterGc();
    int errors = n - ok.get();
    String note =
        fdLimit > 0
            ? String.format(
                Locale.ROOT,
                "%s in flight need %s; the gateway's open-file limit is %d (hard, cannot be raised here)",
                n,
                sockets,
                fdLimit)
            : "";
    Result result;
    synchronized (histogram) {
      result =
          new Result(
              name,
              n,
              n,
              ok.get(),
              errors,
              new TreeMap<>(kinds).toString(),
              unavailable.get(),
              new TreeMap<>(reasons).toString(),
              peak.get(),
              firstAnswer.get() == 0 ? -1 : (firstAnswer.get() - start) / 1e9,
              lastAnswer.get() == 0 ? -1 : (lastAnswer.get() - start) / 1e9,
              histogram.getValueAtPercentile(50) / 1000.0,
              histogram.getValueAtPercentile(99) / 1000.0,
              histogram.getMaxValue() / 1000.0,
              sampler.bulkheads(),
              sampler.maxActive.get(),
              sampler.maxThreads.get(),
              sampler.maxFds.get(),
              fdLimit,
              sampler.maxStubFds.get(),
              connections,
              heap,
              note);
    }
    Bench.log(line(result));
    return result;
  }

  // ---- the gateway's configuration for the step

  /** Rewrites the copied connectors.yml with these bulkheads and waits until it is in force. */
  void reconfigure(int[] bulkheads) throws Exception {
    StringBuilder out = new StringBuilder();
    String current = null;
    for (String line : normalConnectors.split("\n", -1)) {
      Matcher block = Pattern.compile("^  ([a-z-]+):\\s*(#.*)?$").matcher(line);
      if (block.matches()) {
        current = List.of(Bench.SOURCES).contains(block.group(1)) ? block.group(1) : null;
      } else if (!line.isEmpty()
          && !Character.isWhitespace(line.charAt(0))
          && line.charAt(0) != '#') {
        current = line.startsWith("sources:") ? null : "-";
      }
      if (current != null && !current.equals("-")) {
        int s = List.of(Bench.SOURCES).indexOf(current);
        line =
            line.replaceFirst("(attempt-timeout:\\s*)\\S+", "$1" + attemptTimeout)
                .replaceFirst("(slow-call-duration:\\s*)\\S+", "$1" + slowCall)
                .replaceFirst("(max-concurrent-calls:\\s*)\\d+", "$1" + bulkheads[s]);
      }
      out.append(line).append('\n');
    }
    String content = out.substring(0, out.length() - 1);
    writeConnectors(content);
    Bench.log(
        "(f) connectors.yml in force: attempt-timeout "
            + attemptTimeout
            + ", slow-call-duration "
            + slowCall
            + ", bulkheads (= connection pools) "
            + java.util.Arrays.toString(bulkheads));
  }

  /** Writes connectors.yml and waits (at most 20 s) until the gateway reports it in force. */
  void writeConnectors(String content) throws Exception {
    Path file = configDir.resolve("connectors.yml");
    if (Files.readString(file).equals(content)) {
      return;
    }
    Path temp = configDir.resolve("connectors.yml.bench-tmp");
    Files.writeString(temp, content);
    Files.move(
        temp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    String sha =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < until) {
      String config = get("/api/v1/ops/configuration");
      if (config != null && config.contains(sha)) {
        return;
      }
      Thread.sleep(250);
    }
    Bench.log(
        "(f) WARNING: the gateway did not report the new connectors.yml in force within 20 s");
  }

  /** After a pool change the old pool's sockets close; wait (at most 45 s) until they have. */
  void drainSockets(long baseFds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
    long now = fds(bench.gatewayPid);
    while (now > baseFds + 500 && System.nanoTime() < until) {
      Thread.sleep(500);
      now = fds(bench.gatewayPid);
    }
    Bench.log("(f) gateway open files before the next step: " + now);
  }

  // ---- samples of the gateway while a step runs

  final class Sampler {
    final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    final AtomicLong maxThreads = new AtomicLong(-1);
    final AtomicLong maxFds = new AtomicLong(-1);
    final AtomicLong maxStubFds = new AtomicLong(-1);
    final AtomicLong maxActive = new AtomicLong(-1);
    final Map<String, AtomicLong> inUse = new ConcurrentHashMap<>();
    final Map<String, Long> allowed = new ConcurrentHashMap<>();

    Sampler() {
      timer.scheduleWithFixedDelay(this::local, 0, 200, TimeUnit.MILLISECONDS);
      timer.scheduleWithFixedDelay(this::metrics, 0, 500, TimeUnit.MILLISECONDS);
    }

    void local() {
      maxFds.accumulateAndGet(fds(bench.gatewayPid), Math::max);
      maxThreads.accumulateAndGet(threads(bench.gatewayPid), Math::max);
      maxStubFds.accumulateAndGet(fds(stubsPid), Math::max);
    }

    void metrics() {
      for (String source : Bench.SOURCES) {
        long max =
            allowed.computeIfAbsent(
                source,
                s -> metric("resilience4j.bulkhead.max.allowed.concurrent.calls?tag=name:" + s));
        long available =
            metric("resilience4j.bulkhead.available.concurrent.calls?tag=name:" + source);
        if (max >= 0 && available >= 0) {
          inUse
              .computeIfAbsent(source, s -> new AtomicLong())
              .accumulateAndGet(max - available, Math::max);
        }
      }
      String active = get("/actuator/metrics/http.server.requests.active");
      if (active != null) {
        Matcher m = ACTIVE.matcher(active);
        if (m.find()) {
          maxActive.accumulateAndGet((long) Double.parseDouble(m.group(1)), Math::max);
        }
      }
    }

    long metric(String query) {
      String body = get("/actuator/metrics/" + query);
      if (body == null) {
        return -1;
      }
      Matcher m = VALUE.matcher(body);
      return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    String bulkheads() {
      StringBuilder b = new StringBuilder();
      for (String source : Bench.SOURCES) {
        AtomicLong v = inUse.get(source);
        if (v != null && v.get() > 0) {
          b.append(b.length() == 0 ? "" : " ").append(source).append('=').append(v.get());
        }
      }
      return b.length() == 0 ? "-" : b.toString();
    }

    void stop() {
      timer.shutdownNow();
    }
  }

  /** GET on the gateway with the bench key (HTTP/1.1, 2 s), the body or null. */
  String get(String path) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(bench.gateway + path))
              .timeout(Duration.ofSeconds(2))
              .header("X-Api-Key", Bench.BENCH_API_KEY)
              .build();
      HttpResponse<String> r = bench.http.send(request, HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  String heapAfterGc() {
    String info = bench.jcmd("GC.run") == null ? null : bench.jcmd("GC.heap_info");
    if (info == null) {
      return "-";
    }
    Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
    return m.find()
        ? String.format(
            Locale.ROOT,
            "%.1f MB used of %.1f MB",
            Long.parseLong(m.group(2)) / 1024.0,
            Long.parseLong(m.group(1)) / 1024.0)
        : "-";
  }

  static long fds(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      return fds.count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static long threads(long pid) {
    return procField(pid, "status", "Threads:");
  }

  static long fdLimit(long pid) {
    return procField(pid, "limits", "Max open files");
  }

  static long procField(long pid, String file, String prefix) {
    if (pid <= 0) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/" + file))) {
        if (line.startsWith(prefix)) {
          return Long.parseLong(line.substring(prefix.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  // ---- report

  static final String HEADER =
      String.format(
          Locale.ROOT,
          "%-18s %6s %6s %6s %6s %8s %8s %8s %7s %8s %8s %8s %7s %6s %6s %6s  %s",
          "scenario",
          "N",
          "ok",
          "err",
          "unavl",
          "peak",
          "first s",
          "all s",
          "ok/s",
          "p50ms",
          "p99ms",
          "maxms",
          "threads",
          "fds",
          "stubfd",
          "h2c",
          "in use per source / gateway active / heap");

  static String line(Result r) {
    return String.format(
        Locale.ROOT,
        "%-18s %6d %6d %6d %6d %8d %8.1f %8.1f %7.1f %8.0f %8.0f %8.0f %7d %6d %6d %6d  %s / active %d / %s%s%s",
        r.scenario(),
        r.n(),
        r.ok(),
        r.errors(),
        r.reportsWithUnavailable(),
        r.peakInFlight(),
        r.firstAnswerS(),
        r.allAnsweredS(),
        r.allAnsweredS() > 0 ? r.ok() / r.allAnsweredS() : 0.0,
        r.p50(),
        r.p99(),
        r.max(),
        r.peakThreads(),
        r.peakFds(),
        r.peakStubFds(),
        r.clientConnections(),
        r.peakBulkhead(),
        r.peakActiveRequests(),
        r.heapAfterGc(),
        r.errorKinds().equals("{}") ? "" : " errors " + r.errorKinds(),
        r.reasons().equals("{}") ? "" : " reasons " + r.reasons());
  }

  static String csv(List<Result> results) {
    StringBuilder csv =
        new StringBuilder(
            "scenario,n,sent,ok,errors,error_kinds,reports_with_unavailable_source,unavailable_reasons,"
                + "peak_in_flight_generator,first_answer_s,all_answered_s,p50_ms,p99_ms,max_ms,"
                + "peak_bulkhead_in_use_per_source,peak_gateway_active_requests,peak_gateway_threads,"
                + "peak_gateway_open_files,gateway_open_file_limit,peak_stubs_open_files,"
                + "h2c_connections_max,gateway_heap_after_full_gc,limit\n");
    for (Result r : results) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%d,%d,%d,\"%s\",%d,\"%s\",%d,%.1f,%.1f,%.0f,%.0f,%.0f,\"%s\",%d,%d,%d,%d,%d,%d,\"%s\",\"%s\"%n",
              r.scenario(),
              r.n(),
              r.sent(),
              r.ok(),
              r.errors(),
              r.errorKinds(),
              r.reportsWithUnavailable(),
              r.reasons(),
              r.peakInFlight(),
              r.firstAnswerS(),
              r.allAnsweredS(),
              r.p50(),
              r.p99(),
              r.max(),
              r.peakBulkhead(),
              r.peakActiveRequests(),
              r.peakThreads(),
              r.peakFds(),
              r.fdLimit(),
              r.peakStubFds(),
              r.clientConnections(),
              r.heapAfterGc(),
              r.limitNote()));
    }
    return csv.toString();
  }
}
