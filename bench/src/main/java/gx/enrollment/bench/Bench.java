package gx.enrollment.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * The benchmark driver: an open-model load generator (requests are sent at their scheduled instants
 * whatever the answers do; latency is measured from the scheduled instant, so queueing in the
 * generator or the server cannot hide) that runs every scenario one after another against the stubs
 * and the gateway, and writes the table (CSV), a summary and the charts (PNG).
 *
 * <p>Configured by environment variables (see bench/README.md). Targets loopback only.
 */
public final class Bench {

  static final String LOOPBACK = "127.0.0.1";

  /**
   * The key of the bench-only client that bench/run adds on the gateway's command line (every role,
   * every region, a budget no run reaches); configured nowhere else.
   */
  static final String BENCH_API_KEY = "bench-load-only-key-0000000000000000";

  // ---- configuration
  final String gateway = "http://" + LOOPBACK + ":" + env("GATEWAY_PORT", "18080");
  final int stubPortBase = Integer.parseInt(env("STUB_PORT_BASE", "9200"));
  final long gatewayPid = Long.parseLong(env("GATEWAY_PID", "0"));
  final String proxy = "http://" + LOOPBACK + ":" + env("PROXY_PORT", "18090");
  final long proxyPid = Long.parseLong(env("PROXY_PID", "0"));
  final long clockTick = Long.parseLong(env("CLK_TCK", "100"));
  final int[] rates = ints(env("RATES", "25 50 100"));
  final int stubRate = Integer.parseInt(env("STUB_RATE", String.valueOf(max(rates))));
  final int seqRate = Integer.parseInt(env("SEQ_RATE", String.valueOf(rates[rates.length / 2])));
  final int downRate = Integer.parseInt(env("DOWN_RATE", String.valueOf(rates[rates.length / 2])));
  final int durationS = Integer.parseInt(env("DURATION_S", "10"));
  final int warmupS = Integer.parseInt(env("WARMUP_S", "15"));
  final int warmupRate = Integer.parseInt(env("WARMUP_RATE", "30"));
  final int[] delays = ints(env("DELAYS", "20 40 60 80"));
  final String jfrFile = env("JFR_FILE", "");
  final int jfrRate = Integer.parseInt(env("JFR_RATE", String.valueOf(max(rates))));
  final Path out = Path.of(env("OUT", "bench/results/run"));
  final String scenarios = env("SCENARIOS", "a b c d e");

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .executor(Executors.newFixedThreadPool(4))
          .build();
  final AtomicLong people = new AtomicLong();
  final List<Row> rows = new ArrayList<>();
  List<InFlight.Result> inFlight = List.of();
  double idleCpu;
  double idleSeconds;

  static final String[] SOURCES = {
    "household", "residence-permit", "social-security", "real-estate"
  };
  static final String[] PATHS = {
    "/hukou/v1/verify",
    "/residence-permit/v1/verify",
    "/social-security/v1/verify",
    "/real-estate/v1/verify"
  };

  record Row(
      String scenario,
      int rate,
      int durationS,
      int sent,
      int ok,
      int errors,
      double achieved,
      double p50,
      double p90,
      double p99,
      double max,
      double cpuS,
      double hostBusy,
      String pool,
      String errorKinds,
      double jitS) {
    double cpuMsPerOk() {
      return cpuS < 0 || ok == 0 ? -1 : cpuS * 1000 / ok;
    }

    /** Of {@link #cpuMsPerOk}, what the JIT compiler threads took (the JVM still warming up). */
    double jitMsPerOk() {
      return jitS < 0 || ok == 0 ? -1 : jitS * 1000 / ok;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--charts")) {
      // re-draw the charts of an earlier run from its CSV: --charts bench/results/<ts>.csv
      List<Row> rows = new ArrayList<>();
      for (String line :
          Files.readAllLines(Path.of(args[1]))
              .subList(1, Files.readAllLines(Path.of(args[1])).size())) {
        String[] f = line.split(",");
        rows.add(
            new Row(
                f[0],
                Integer.parseInt(f[1]),
                Integer.parseInt(f[2]),
                Integer.parseInt(f[3]),
                Integer.parseInt(f[4]),
                Integer.parseInt(f[5]),
                Double.parseDouble(f[6]),
                Double.parseDouble(f[7]),
                Double.parseDouble(f[8]),
                Double.parseDouble(f[9]),
                Double.parseDouble(f[10]),
                -1,
                -1,
                "",
                "",
                -1));
      }
      String base = args[1].replaceFirst("\\.csv$", "");
      Charts.write(rows, Path.of(base + ".png"), Path.of(base + "-rates.png"));
      return;
    }
    new Bench().run();
    System.exit(0);
  }

  void run() throws Exception {
    Files.createDirectories(out.getParent());
    log(
        "gateway "
            + gateway
            + " pid "
            + gatewayPid
            + ", stubs 127.0.0.1:"
            + (stubPortBase + 1)
            + "-"
            + (stubPortBase + 4)
            + ", rates "
            + Arrays.toString(rates)
            + ", "
            + durationS
            + " s each");

    // warm-up (not recorded): JIT, connection pools, R2DBC pool, Kafka producer
    for (int s = 0; s < 4; s++) {
      int src = s;
      measure("warmup-stub-" + SOURCES[s], warmupRate, Math.max(2, warmupS / 4), () -> stub(src));
    }
    if (scenarios.contains("b")) {
      measure("warmup-proxy", warmupRate, Math.max(2, warmupS / 4), () -> proxied());
    }
    measure("warmup-formA", warmupRate, warmupS, () -> gatewayCall(formA()));
    measure("warmup-formB", warmupRate, Math.max(2, warmupS / 2), () -> gatewayCall(formB()));

    // (a) the floor: each stub called directly; the slowest at every rate, the others at one
    for (int s = 0; s < 4 && scenarios.contains("a"); s++) {
      int src = s;
      if (s == 3) {
        for (int rate : rates) {
          record(measure("a-stub-" + SOURCES[s], rate, durationS, () -> stub(src)));
        }
      } else {
        record(measure("a-stub-" + SOURCES[s], stubRate, durationS, () -> stub(src)));
      }
    }
    // (b) a stock Spring Cloud Gateway, one route to the slowest stub, at every rate
    for (int rate : scenarios.contains("b") ? rates : new int[0]) {
      record(measure("b-proxy-real-estate", rate, durationS, this::proxied));
    }
    // (c) the gateway, form A (four sources) and form B (one source)
    for (int rate : scenarios.contains("c") ? rates : new int[0]) {
      boolean profile = !jfrFile.isEmpty() && rate == jfrRate;
      if (profile) {
        jcmd(
            "JFR.start",
            "name=bench",
            "settings=profile",
            "duration=" + durationS + "s",
            "filename=" + jfrFile);
      }
      record(measure("c-formA", rate, durationS, () -> gatewayCall(formA())));
    }
    for (int rate : scenarios.contains("c") ? rates : new int[0]) {
      record(measure("c-formB", rate, durationS, () -> gatewayCall(formB())));
    }
    // (d) the naive baseline: the same four stub calls one after another
    if (scenarios.contains("d")) {
      record(measure("d-sequential", seqRate, durationS, this::sequential));
    }
    if (scenarios.contains("e")) {
      scenarioE();
    }
    if (scenarios.contains("f")) {
      inFlight = new InFlight(this).run();
    }
    report();
  }

  /** (e) form A while real estate is down and its breaker open. */
  void scenarioE() throws Exception {
    fault(3, "{\"type\":\"SERVICE_UNAVAILABLE\"}");
    boolean open = false;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    for (int i = 0; i < 80 && !open && System.nanoTime() < until; i++) {
      HttpResponse<String> r = send(formA()).get(10, TimeUnit.SECONDS);
      open = r.body().contains("CIRCUIT_OPEN");
    }
    log("real-estate breaker " + (open ? "OPEN" : "NOT OPEN (scenario e measures retries)"));
    record(measure("e-formA-realestate-down", downRate, durationS, () -> gatewayCall(formA())));
    fault(3, "{\"type\":\"LATENCY\",\"millis\":" + delays[3] + "}");
  }

  // ---- the open-model generator

  Row measure(String name, int rate, int seconds, Supplier<CompletableFuture<Integer>> op)
      throws InterruptedException {
    int n = rate * seconds;
    long interval = 1_000_000_000L / rate;
    Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();
    AtomicLong lastDone = new AtomicLong();
    List<CompletableFuture<?>> inFlight = new ArrayList<>(n);
    boolean viaGateway =
        name.startsWith("c-") || name.startsWith("e-") || name.startsWith("warmup-form");
    boolean viaProxy = name.startsWith("b-") || name.equals("warmup-proxy");
    double cpuBefore = cpuSeconds(gatewayPid);
    double jitBefore = jitSeconds(gatewayPid);
    double proxyCpuBefore = cpuSeconds(proxyPid);
    long[] hostBefore = hostTicks();
    PoolSampler sampler = name.startsWith("c-") || name.startsWith("e-") ? new PoolSampler() : null;
    long start = System.nanoTime() + 5_000_000L;
    long hardStop = start + TimeUnit.SECONDS.toNanos(seconds + 5L);
    int sent = 0;
    for (int i = 0; i < n; i++) {
      long due = start + i * interval;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (System.nanoTime() > hardStop) {
        break; // the generator itself cannot keep up: stop, the rows say how many were sent
      }
      sent++;
      CompletableFuture<Integer> f;
      try {
        f = op.get();
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      inFlight.add(
          f.whenComplete(
              (status, failure) -> {
                long now = System.nanoTime();
                lastDone.accumulateAndGet(now, Math::max);
                synchronized (histogram) {
                  histogram.recordValue(
                      Math.min((now - due) / 1000, TimeUnit.SECONDS.toMicros(60)));
                }
                if (failure == null && status == 200) {
                  ok.incrementAndGet();
                } else {
                  errors.incrementAndGet();
                  String kind =
                      failure != null
                          ? rootCause(failure).getClass().getSimpleName()
                          : "HTTP " + status;
                  kinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                }
              }));
    }
    try {
      CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      // counted below
    }
    long unfinished = inFlight.stream().filter(f -> !f.isDone()).count();
    if (unfinished > 0) {
      kinds.put("unfinished", new AtomicInteger((int) unfinished));
    }
    String pool = sampler == null ? "" : sampler.stop();
    double cpu = cpuBefore < 0 ? -1 : cpuSeconds(gatewayPid) - cpuBefore;
    double jit = jitBefore < 0 || !viaGateway ? -1 : jitSeconds(gatewayPid) - jitBefore;
    if (!viaGateway && cpu >= 0 && !name.startsWith("warmup")) {
      // the gateway is idle meanwhile: its background CPU (outbox relay, timers, reloads)
      idleCpu += cpu;
      idleSeconds += (System.nanoTime() - start) / 1e9;
    }
    if (viaProxy) {
      cpu = proxyCpuBefore < 0 ? -1 : cpuSeconds(proxyPid) - proxyCpuBefore;
    } else if (!viaGateway) {
      cpu = -1;
    }
    double elapsed = Math.max(1e-9, (lastDone.get() - start) / 1e9);
    Row row;
    synchronized (histogram) {
      row =
          new Row(
              name,
              rate,
              seconds,
              sent,
              ok.get(),
              errors.get() + (int) unfinished,
              ok.get() / elapsed,
              histogram.getValueAtPercentile(50) / 1000.0,
              histogram.getValueAtPercentile(90) / 1000.0,
              histogram.getValueAtPercentile(99) / 1000.0,
              histogram.getMaxValue() / 1000.0,
              cpu,
              hostBusy(hostBefore, hostTicks()),
              pool,
              new TreeMap<>(kinds).toString(),
              jit);
    }
    log(line(row, Double.NaN, Double.NaN));
    Thread.sleep(1500); // let the last answers' side effects (events, commits) drain
    if (viaGateway) {
      settle(name);
    }
    return row;
  }

  /**
   * Waits until the gateway has finished the work of the last step — requests the generator gave up
   * on are still verified and stored — so that the next step does not pay for its backlog: no R2DBC
   * connection in use or awaited, and under a quarter of a core busy over a second; at most 120 s.
   * How long that took is logged (a measure of the backlog).
   */
  void settle(String after) throws InterruptedException {
    long begin = System.nanoTime();
    long limit = begin + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < limit) {
      double before = cpuSeconds(gatewayPid);
      Thread.sleep(1000);
      double busy = before < 0 ? 0 : cpuSeconds(gatewayPid) - before;
      if (busy < 0.25 && metric("r2dbc.pool.acquired") <= 0 && metric("r2dbc.pool.pending") <= 0) {
        break;
      }
    }
    double waited = (System.nanoTime() - begin) / 1e9;
    if (waited > 1.5) {
      log(String.format(Locale.ROOT, "settled after %s: %.0f s", after, waited));
    }
  }

  void record(Row row) {
    rows.add(row);
  }

  // ---- the operations

  CompletableFuture<Integer> stub(int source) {
    return http.sendAsync(stubRequest(source), HttpResponse.BodyHandlers.discarding())
        .thenApply(HttpResponse::statusCode);
  }

  /** (b): the real-estate stub's request, through the plain Spring Cloud Gateway proxy. */
  CompletableFuture<Integer> proxied() {
    HttpRequest direct = stubRequest(3);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(proxy + PATHS[3]))
            .timeout(Duration.ofSeconds(10))
            .POST(direct.bodyPublisher().orElseThrow());
    direct.headers().map().forEach((k, values) -> values.forEach(v -> request.header(k, v)));
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
        .thenApply(HttpResponse::statusCode);
  }

  CompletableFuture<Integer> sequential() {
    CompletableFuture<Integer> chain = stub(0);
    for (int s = 1; s < 4; s++) {
      int src = s;
      chain =
          chain.thenCompose(
              status -> status == 200 ? stub(src) : CompletableFuture.completedFuture(status));
    }
    return chain;
  }

  CompletableFuture<Integer> gatewayCall(String body) {
    return send(body).thenApply(HttpResponse::statusCode);
  }

  CompletableFuture<HttpResponse<String>> send(String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gateway + "/api/v1/verifications"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-Api-Key", BENCH_API_KEY)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpRequest stubRequest(int source) {
    long n = people.incrementAndGet();
    String child = Ids.child("450702", n);
    String guardian = Ids.guardian("450702", n);
    String body =
        switch (source) {
          case 0 ->
              "{\"child\":{\"idNumber\":\""
                  + child
                  + "\",\"name\":\"韦小明\"},\"guardian\":{\"idNumber\":\""
                  + guardian
                  + "\",\"name\":\"韦强\",\"relation\":\"FATHER\"}}";
          case 1, 2 ->
              "{\"idNumber\":\"" + guardian + "\",\"name\":\"韦强\",\"regionCode\":\"450702\"}";
          default ->
              "{\"ownerIdNumbers\":[\""
                  + guardian
                  + "\"],\"certificateNumber\":\"桂(2023)钦州市不动产权第"
                  + String.format("%07d", n % 10_000_000)
                  + "号\"}";
        };
    return HttpRequest.newBuilder(
            URI.create("http://" + LOOPBACK + ":" + (stubPortBase + 1 + source) + PATHS[source]))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer dev-" + SOURCES[source] + "-token")
        .header("X-Request-Id", "bench-" + n)
        .header("X-Purpose", "ENROLLMENT")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  /** A form-A submission of a new (unknown to the stubs) migrant family: four sources asked. */
  String formA() {
    long n = people.incrementAndGet();
    return "{\"schoolYear\":2024,\"stage\":\"PRIMARY\",\"formType\":\"A\",\"regionCode\":\"450702\","
        + "\"channel\":\"ONLINE\","
        + "\"student\":{\"idNumber\":\""
        + Ids.child("431102", n)
        + "\",\"name\":\"覃思琪\"},"
        + "\"guardian\":{\"idNumber\":\""
        + Ids.guardian("431102", n)
        + "\",\"name\":\"覃志刚\","
        + "\"relation\":\"FATHER\",\"phone\":\"139"
        + String.format("%08d", n % 100_000_000)
        + "\"},"
        + "\"residencePermit\":{\"regionCode\":\"450702\"},"
        + "\"employment\":{\"employer\":\"钦州某电子科技有限公司\"},"
        + "\"residence\":{\"kind\":\"OWNED\",\"address\":\"钦州市钦南区文峰路88号2栋1单元602室\","
        + "\"certificateNumber\":\"桂(2023)钦州市不动产权第"
        + String.format("%07d", n % 10_000_000)
        + "号\"},"
        + "\"consent\":{\"consentId\":\"c-"
        + n
        + "\",\"grantedAt\":\"2024-07-01T09:30:00+08:00\","
        + "\"realNameVerified\":true}}";
  }

  /** A form-B submission (忻城县, a form-B area): only the household register is asked. */
  String formB() {
    long n = people.incrementAndGet();
    return "{\"schoolYear\":2024,\"stage\":\"PRIMARY\",\"formType\":\"B\",\"regionCode\":\"451321\","
        + "\"channel\":\"OFFLINE\","
        + "\"student\":{\"idNumber\":\""
        + Ids.child("451321", n)
        + "\",\"name\":\"蓝欣怡\"},"
        + "\"guardian\":{\"idNumber\":\""
        + Ids.guardian("451321", n)
        + "\",\"name\":\"蓝海军\","
        + "\"relation\":\"FATHER\",\"phone\":\"139"
        + String.format("%08d", n % 100_000_000)
        + "\"}}";
  }

  void fault(int source, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://"
                        + LOOPBACK
                        + ":"
                        + (stubPortBase + 1 + source)
                        + "/__admin/ext/fault"))
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    log("fault " + SOURCES[source] + " " + json + " -> " + status);
  }

  // ---- measurements of the gateway process

  /**
   * CPU seconds (user + system) of the JIT compiler threads of process {@code pid} so far ("C1/C2
   * CompilerThread…"; a compiler thread the JVM ended meanwhile is no longer counted), -1 when
   * unknown.
   */
  double jitSeconds(long pid) {
    if (pid <= 0) {
      return -1;
    }
    double total = 0;
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
            total += statCpuSeconds(task.resolve("stat"));
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
      return total;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU seconds (user + system) of process {@code pid} so far, -1 when unknown. */
  double cpuSeconds(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      return statCpuSeconds(Path.of("/proc/" + pid + "/stat"));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** utime + stime of a {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat}, in s. */
  double statCpuSeconds(Path stat) throws IOException {
    String text = Files.readString(stat);
    String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) clockTick;
  }

  /**
   * Samples the gateway's R2DBC pool (actuator metrics r2dbc.pool.acquired / pending, exposed when
   * the gateway runs with management.endpoints.web.exposure.include=...,metrics) every 250 ms;
   * reports "maxAcquired/maxPending", or nothing when the metrics are not exposed.
   */
  final class PoolSampler {
    final java.util.concurrent.ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor();
    final AtomicLong maxAcquired = new AtomicLong(-1);
    final AtomicLong maxPending = new AtomicLong(-1);

    PoolSampler() {
      timer.scheduleAtFixedRate(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    }

    void sample() {
      maxAcquired.accumulateAndGet(metric("r2dbc.pool.acquired"), Math::max);
      maxPending.accumulateAndGet(metric("r2dbc.pool.pending"), Math::max);
    }

    String stop() {
      timer.shutdownNow();
      return maxAcquired.get() < 0 ? "" : maxAcquired.get() + "/" + maxPending.get();
    }
  }

  /** A gauge of the gateway's actuator (the first measurement's value), -1 when unreadable. */
  long metric(String metric) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(gateway + "/actuator/metrics/" + metric))
              .timeout(Duration.ofSeconds(1))
              .header("X-Api-Key", BENCH_API_KEY)
              .build();
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\"value\"\\s*:\\s*([0-9.]+)").matcher(r.body());
      return r.statusCode() == 200 && m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    } catch (Exception e) {
      return -1;
    }
  }

  /** {busy, total} jiffies of the whole machine, from /proc/stat. */
  static long[] hostTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split(" +");
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  static double hostBusy(long[] before, long[] after) {
    long total = after[1] - before[1];
    return total <= 0 ? -1 : 100.0 * (after[0] - before[0]) / total;
  }

  /** Runs jcmd on the gateway; its output, or null when it could not run. */
  String jcmd(String... command) {
    if (gatewayPid <= 0) {
      return null;
    }
    List<String> cmd = new ArrayList<>(List.of("jcmd", String.valueOf(gatewayPid)));
    cmd.addAll(List.of(command));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(20, TimeUnit.SECONDS);
      log("jcmd " + String.join(" ", command) + ": " + output.strip().replace('\n', ' '));
      return output;
    } catch (IOException | InterruptedException e) {
      log("jcmd failed: " + e);
      return null;
    }
  }

  // ---- report

  void report() throws IOException {
    Row floor = null;
    StringBuilder csv =
        new StringBuilder(
            "scenario,offered_rps,duration_s,sent,ok,errors,achieved_rps,p50_ms,p90_ms,p99_ms,max_ms,"
                + "p50_over_slowest_stub,p99_over_slowest_stub,cpu_s,cpu_ms_per_ok,host_busy_pct,r2dbc_pool_max_acquired_pending,error_kinds,jit_ms_per_ok\n");
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%-26s %7s %6s %6s %6s %8s %8s %8s %8s %8s %6s %6s %8s %6s %5s %8s  %s%n",
            "scenario",
            "offered",
            "sent",
            "ok",
            "err",
            "got/s",
            "p50ms",
            "p90ms",
            "p99ms",
            "maxms",
            "p50x",
            "p99x",
            "cpu ms",
            "jit ms",
            "host%",
            "pool a/p",
            "errors"));
    String highest = "none";
    for (Row r : rows) {
      double rp50 = Double.NaN;
      double rp99 = Double.NaN;
      if (r.scenario().startsWith("b-")
          || r.scenario().startsWith("c-")
          || r.scenario().startsWith("d-")
          || r.scenario().startsWith("e-")) {
        floor = slowestStubAt(r.rate());
        if (floor != null) {
          rp50 = r.p50() / floor.p50();
          rp99 = r.p99() / floor.p99();
        }
        if (r.scenario().equals("c-formA")
            && floor != null
            && r.errors() == 0
            && r.p99() < 2 * floor.p50()) {
          highest = r.rate() + " req/s";
        }
      }
      table.append(line(r, rp50, rp99)).append('\n');
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%s,%s,%s,%s,%.0f,%s,\"%s\",%s%n",
              r.scenario(),
              r.rate(),
              r.durationS(),
              r.sent(),
              r.ok(),
              r.errors(),
              r.achieved(),
              r.p50(),
              r.p90(),
              r.p99(),
              r.max(),
              num(rp50),
              num(rp99),
              twoDecimals(r.cpuS(), ""),
              twoDecimals(r.cpuMsPerOk(), ""),
              r.hostBusy(),
              r.pool(),
              r.errorKinds(),
              twoDecimals(r.jitMsPerOk(), "")));
    }
    StringBuilder summary = new StringBuilder(table);
    summary.append('\n');
    summary
        .append("p50x/p99x: ratio to the slowest stub (real estate, ")
        .append(delays[3])
        .append(" ms) measured directly in (a) at the same offered rate\n");
    summary
        .append("highest form-A rate with p99 < 2 x slowest stub p50 and no errors: ")
        .append(highest)
        .append('\n');
    Row a = find("c-formA", seqRate);
    Row d = find("d-sequential", seqRate);
    if (a != null && d != null) {
      summary.append(
          String.format(
              Locale.ROOT,
              "sequential / form A at %d req/s, p50: %.2f x (target >= 3.5)%n",
              seqRate,
              d.p50() / a.p50()));
    }
    Row e = find("e-formA-realestate-down", downRate);
    Row c = find("c-formA", downRate);
    if (e != null && c != null) {
      summary.append(
          String.format(
              Locale.ROOT,
              "form A with real estate down / form A at %d req/s: p50 %.2f x, p99 %.2f x (target <= 1)%n",
              downRate,
              e.p50() / c.p50(),
              e.p99() / c.p99()));
    }
    if (idleSeconds > 0) {
      summary.append(
          String.format(
              Locale.ROOT,
              "gateway JVM CPU while idle (during a/b/d): %.3f CPU s per second (included in the cpu ms column)%n",
              idleCpu / idleSeconds));
    }
    Row fa = best("c-formA");
    Row fs = best("a-stub-real-estate");
    Row fb = best("b-proxy-real-estate");
    if (fa != null && fs != null) {
      summary.append(
          String.format(
              Locale.ROOT,
              "form A best achieved %.1f ok/s vs slowest stub direct (a) best %.1f ok/s: %.0f %% (target >= 25 %%; offered rates cap both)%n",
              fa.achieved(),
              fs.achieved(),
              100 * fa.achieved() / fs.achieved()));
    }
    if (fa != null && fb != null) {
      summary.append(
          String.format(
              Locale.ROOT,
              "form A best achieved %.1f ok/s vs plain SCG proxy (b) best %.1f ok/s: %.0f %%%n",
              fa.achieved(),
              fb.achieved(),
              100 * fa.achieved() / fb.achieved()));
    }
    for (Row b : rows) {
      Row floorB =
          b.scenario().equals("b-proxy-real-estate") ? find("a-stub-real-estate", b.rate()) : null;
      if (floorB != null) {
        summary.append(
            String.format(
                Locale.ROOT,
                "plain proxy (b) / stub direct (a) at %d req/s: p50 %.1f / %.1f ms = %.2f x, p99 %.1f / %.1f ms = %.2f x, proxy CPU %s ms per answer%n",
                b.rate(),
                b.p50(),
                floorB.p50(),
                b.p50() / floorB.p50(),
                b.p99(),
                floorB.p99(),
                b.p99() / floorB.p99(),
                twoDecimals(b.cpuMsPerOk(), "-")));
      }
    }
    if (!inFlight.isEmpty()) {
      summary
          .append('\n')
          .append("(f) verifications in flight at once, every source answering after ")
          .append(env("INFLIGHT_DELAY_MS", "1000"))
          .append(" ms; N sent as fast as the generator can over h2c\n");
      summary.append(InFlight.HEADER).append('\n');
      for (InFlight.Result r : inFlight) {
        summary.append(InFlight.line(r)).append('\n');
      }
      for (InFlight.Result r : inFlight) {
        summary.append(
            String.format(
                Locale.ROOT,
                "%s: N=%d sent; all answered 200 without an unavailable source: %s (%d ok, %d errors,"
                    + " %d reports with an unavailable source); at most %d requests in the gateway at"
                    + " once, at most %s calls at the sources at once; %s%n",
                r.scenario(),
                r.n(),
                r.ok() == r.n() && r.reportsWithUnavailable() == 0 ? "yes" : "no",
                r.ok(),
                r.errors(),
                r.reportsWithUnavailable(),
                r.peakActiveRequests(),
                r.peakBulkhead(),
                r.limitNote()));
      }
      summary.append(
          "unavl = 200 reports naming a source that did not answer (reasons: TIMEOUT, CIRCUIT_OPEN,"
              + " REJECTED, UPSTREAM_ERROR...); peak = most sent and not yet answered (generator); in use per"
              + " source = most bulkhead permits taken (gateway, sampled every 0.5 s); active ="
              + " http.server.requests.active; threads/fds = gateway JVM peaks (/proc, every 0.2 s);"
              + " stubfd = the stubs' JVM; heap after a full GC right after the step\n");
      Files.writeString(Path.of(out + "-inflight.csv"), InFlight.csv(inFlight));
    }
    System.out.println();
    System.out.print(summary);
    Files.writeString(Path.of(out + ".csv"), csv);
    Files.writeString(Path.of(out + ".txt"), summary);
    try {
      Charts.write(rows, Path.of(out + ".png"), Path.of(out + "-rates.png"));
    } catch (RuntimeException | Error ex) {
      log("chart failed: " + ex);
    }
    log("wrote " + out + ".csv, .txt, .png, -rates.png");
  }

  Row slowestStubAt(int rate) {
    Row best = null;
    for (Row r : rows) {
      if (r.scenario().equals("a-stub-real-estate")) {
        if (best == null || Math.abs(r.rate() - rate) < Math.abs(best.rate() - rate)) {
          best = r;
        }
      }
    }
    return best;
  }

  /** The row of {@code scenario} with the highest achieved ok/s, or null. */
  Row best(String scenario) {
    return rows.stream()
        .filter(r -> r.scenario().equals(scenario))
        .max((x, y) -> Double.compare(x.achieved(), y.achieved()))
        .orElse(null);
  }

  Row find(String scenario, int rate) {
    return rows.stream()
        .filter(r -> r.scenario().equals(scenario) && r.rate() == rate)
        .findFirst()
        .orElse(null);
  }

  /** {@code value} with two decimals, or {@code absent} when it was not measured (negative). */
  static String twoDecimals(double value, String absent) {
    return value < 0 ? absent : String.format(Locale.ROOT, "%.2f", value);
  }

  static String line(Row r, double rp50, double rp99) {
    return String.format(
        Locale.ROOT,
        "%-26s %7d %6d %6d %6d %8.1f %8.1f %8.1f %8.1f %8.1f %6s %6s %8s %6s %5.0f %8s  %s",
        r.scenario(),
        r.rate(),
        r.sent(),
        r.ok(),
        r.errors(),
        r.achieved(),
        r.p50(),
        r.p90(),
        r.p99(),
        r.max(),
        num(rp50),
        num(rp99),
        twoDecimals(r.cpuMsPerOk(), "-"),
        twoDecimals(r.jitMsPerOk(), "-"),
        r.hostBusy(),
        r.pool(),
        r.errorKinds().equals("{}") ? "" : r.errorKinds());
  }

  static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
  }

  static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  static void log(String message) {
    System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    System.out.flush();
  }

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  static int[] ints(String list) {
    return Arrays.stream(list.split("[ ,]+")).mapToInt(Integer::parseInt).toArray();
  }

  static int max(int[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }

  /** GB 11643 ID numbers that nobody has: children born 2018-01-01..08-31, guardians 1980s. */
  static final class Ids {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    static String child(String region, long n) {
      LocalDate birth = LocalDate.of(2018, 1, 1).plusDays(n % 243);
      long seq = (n / 243) % 1000;
      return withCheck(region + birth.toString().replace("-", "") + String.format("%03d", seq));
    }

    static String guardian(String region, long n) {
      LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(n % 3650);
      long seq = ((n / 3650) % 500) * 2 + 1; // odd: male, a FATHER
      return withCheck(region + birth.toString().replace("-", "") + String.format("%03d", seq));
    }

    static String withCheck(String first17) {
      int sum = 0;
      for (int i = 0; i < 17; i++) {
        sum += (first17.charAt(i) - '0') * WEIGHTS[i];
      }
      return first17 + CHECK.charAt(sum % 11);
    }
  }
}
