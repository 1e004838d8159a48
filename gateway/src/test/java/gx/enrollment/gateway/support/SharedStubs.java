package gx.enrollment.gateway.support;

import gx.enrollment.mocks.GovernmentStubs;

/** The WireMock government stubs of this JVM, started once and shared by every test. */
public final class SharedStubs {

  private static GovernmentStubs stubs;

  private SharedStubs() {}

  public static synchronized GovernmentStubs get() {
    if (stubs == null) {
      stubs = GovernmentStubs.start();
    }
    return stubs;
  }
}
