package gx.enrollment.gateway;

import gx.enrollment.mocks.GovernmentStubs;
import gx.enrollment.mocks.StubOptions;
import org.springframework.boot.SpringApplication;

/**
 * The local run: the gateway on its embedded defaults with the WireMock government stubs
 * in-process, on the ports {@code config/connectors.yml} points at (9101–9105), so that testers can
 * switch the stubs' faults over HTTP while they try the gateway. Started by {@code mvn -pl gateway
 * spring-boot:test-run}; never part of the shipped jar.
 */
public final class LocalGatewayApplication {

  private LocalGatewayApplication() {}

  public static void main(String[] args) {
    GovernmentStubs stubs = GovernmentStubs.start(StubOptions.standalone());
    Runtime.getRuntime().addShutdownHook(new Thread(stubs::close, "stubs-shutdown"));
    SpringApplication.from(EnrollmentGatewayApplication::main).run(args);
  }
}
