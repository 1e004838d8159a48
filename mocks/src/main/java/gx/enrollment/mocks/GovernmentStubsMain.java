package gx.enrollment.mocks;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the five stubs alone, for testers: {@code java -jar enrollment-mocks-*-exec.jar} listens on
 * 127.0.0.1:9101 (household) to 9105 (SMS) until Ctrl-C.
 *
 * <pre>
 * --port-base=N             ports N+1 .. N+5 (default 9100)
 * --bind=ADDRESS            listen address (default 127.0.0.1)
 * --UPSTREAM-token=TOKEN    e.g. --household-token=s3cret, --residence-permit-token=...
 * --list                    print endpoints, the synthetic families and the faults, then exit
 * --help                    this text
 * </pre>
 */
public final class GovernmentStubsMain {

  private static final String LOGGING_CONFIGURATION = "gx/enrollment/mocks/stubs-logback.xml";

  private GovernmentStubsMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", LOGGING_CONFIGURATION);
    }
    PrintStream console = System.out;
    StubOptions options = StubOptions.standalone();
    int portBase = Upstream.DEFAULT_PORT_BASE;
    boolean list = false;
    try {
      for (String arg : args) {
        if (arg.equals("--list")) {
          list = true;
        } else if (arg.equals("--help") || arg.equals("-h")) {
          console.print(usage());
          return;
        } else if (arg.startsWith("--port-base=")) {
          portBase = Integer.parseInt(value(arg));
          if (portBase < 1 || portBase > 65_530) {
            throw new IllegalArgumentException("--port-base must be between 1 and 65530");
          }
          options = options.withPortBase(portBase);
        } else if (arg.startsWith("--bind=")) {
          options = options.withBindAddress(value(arg));
        } else if (arg.startsWith("--") && arg.contains("-token=")) {
          options = options.withToken(upstream(arg), value(arg));
        } else {
          throw new IllegalArgumentException("unknown option " + arg);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(usage());
      System.exit(2);
      return;
    }

    if (list) {
      console.print(PopulationTable.render(options.population(), options, portBase));
      return;
    }
    Logger log = LoggerFactory.getLogger(GovernmentStubsMain.class);
    GovernmentStubs stubs = GovernmentStubs.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("stopping the government stubs");
                  stubs.close();
                  stopped.countDown();
                },
                "government-stubs-shutdown"));
    log.info(
        "government stubs ready: {} synthetic families; faults at /__admin/ext/fault;"
            + " --list shows the families and tokens; Ctrl-C stops",
        stubs.population().families().size());
    stopped.await();
  }

  private static String value(String arg) {
    return arg.substring(arg.indexOf('=') + 1);
  }

  private static Upstream upstream(String arg) {
    String slug = arg.substring(2, arg.indexOf("-token="));
    for (Upstream upstream : Upstream.values()) {
      if (upstream.slug().equals(slug.toLowerCase(Locale.ROOT))) {
        return upstream;
      }
    }
    throw new IllegalArgumentException("unknown upstream in " + arg.substring(0, arg.indexOf('=')));
  }

  static String usage() {
    return """
        usage: java -jar enrollment-mocks-0.1.0-SNAPSHOT-exec.jar [options]
          --port-base=N            ports N+1 (household) .. N+5 (sms); default 9100
          --bind=ADDRESS           listen address; default 127.0.0.1
          --household-token=T      bearer token (also residence-permit, social-security,
                                   real-estate, sms); defaults dev-<upstream>-token
          --list                   print endpoints, the synthetic families and faults; exit
          --help                   this text
        """;
  }
}
