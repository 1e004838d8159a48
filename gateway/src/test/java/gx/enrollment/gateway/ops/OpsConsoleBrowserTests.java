package gx.enrollment.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnectors;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.mocks.FaultScenario;
import gx.enrollment.mocks.Upstream;
import gx.enrollment.mocks.population.Family;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator console in a real headless browser: Debian's {@code chromium} driven through its
 * {@code chromedriver} (installed by {@code .ci/run}; never downloaded), against the whole gateway
 * on its random port. Each test leaves a screenshot in {@code target/console-screenshots/}.
 *
 * <p>Selenium's client blocks, but only this JUnit thread, never an event loop.
 */
class OpsConsoleBrowserTests extends StubbedGateway {

  private static final String CHROMIUM =
      System.getProperty("console.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("console.chromedriver", "/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final String KEY = gx.enrollment.gateway.support.TestClients.ALL;
  private static final List<String> SOURCES =
      List.of("HOUSEHOLD", "RESIDENCE_PERMIT", "SOCIAL_SECURITY", "REAL_ESTATE");

  private static ChromeDriverService service;
  private static WebDriver browser;

  @LocalServerPort int port;

  @Autowired SourceConnectors connectors;

  @BeforeAll
  static void startBrowser() {
    for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      assertThat(Path.of(binary))
          .as("%s is missing: apt-get install chromium chromium-driver (.ci/run does)", binary)
          .isExecutable();
    }
    // A driver and a browser of our own: Selenium Manager has nothing to find or download.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM)
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1440,1800",
                "--lang=en-US");
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
  }

  @AfterEach
  void screenshotAndCloseBreakers(TestInfo test) throws IOException {
    try {
      Files.createDirectories(SCREENSHOTS);
      byte[] png =
          ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"), png);
    } finally {
      closeBreakers();
    }
  }

  /** The Spring context, and so the breakers, outlives this class. */
  private void closeBreakers() {
    for (Source source : Source.values()) {
      connectors.circuitBreaker(source).reset();
    }
  }

  @Test
  void shows_four_source_cards_and_turns_a_failing_source_open_within_a_refresh() {
    open();
    List<String> sources = waitUpTo(30).until(d -> fourOrNone(cards(d, "data-source")));
    List<String> states = waitUpTo(10).until(d -> cards(d, "data-state"));
    assertThat(sources).isEqualTo(SOURCES);
    assertThat(states).containsOnly("CLOSED");
    assertThat(read(() -> card("HOUSEHOLD").getText())).contains("户籍").contains("failure rate");
    assertThat(read(() -> card("HOUSEHOLD").findElements(By.cssSelector("svg.chart")).size()))
        .isEqualTo(1);

    // The real-estate stub fails; the page's own form makes the call that meets it.
    stubs.fault(Upstream.REAL_ESTATE, FaultScenario.serviceUnavailable());
    runTrial("migrant-owner");
    assertThat(outcome()).isEqualTo("NEEDS_REVIEW");
    assertThat(trialStatus("REAL_ESTATE")).isEqualTo("UNAVAILABLE");
    assertThat(trialStatus("HOUSEHOLD")).isEqualTo("OK");
    waitForWithdrawal();
    String reason = value("select reason from source_query_audit where source = 'REAL_ESTATE'");
    waitUpTo(10)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#source-REAL_ESTATE .reasons"), reason + " × 1"));

    // StubbedGateway's breakers need 1000 calls before they judge, so that faults of one test do
    // not open a breaker for the next: open it as that many failures would.
    connectors.circuitBreaker(Source.REAL_ESTATE).transitionToOpenState();

    waitUpTo(10)
        .until(ExpectedConditions.attributeToBe(By.id("source-REAL_ESTATE"), "data-state", "OPEN"));
    assertThat(
            read(() -> card("REAL_ESTATE").findElement(By.cssSelector(".badge.state")).getText()))
        .isEqualTo("OPEN");
    for (String other : SOURCES.subList(0, 3)) {
      assertThat(read(() -> card(other).getAttribute("data-state"))).isEqualTo("CLOSED");
    }

    // Asked again, the open breaker refuses at once: no request reaches the stub.
    int requests = stubs.requestCount(Upstream.REAL_ESTATE);
    runTrial("migrant-owner");
    assertThat(trialStatus("REAL_ESTATE")).isEqualTo("UNAVAILABLE");
    assertThat(
            browser
                .findElement(By.cssSelector("#try-sources li[data-source='REAL_ESTATE']"))
                .getText())
        .contains("CIRCUIT_OPEN");
    assertThat(stubs.requestCount(Upstream.REAL_ESTATE)).isEqualTo(requests);
    waitUpTo(10)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#source-REAL_ESTATE .reasons"), "CIRCUIT_OPEN × 1"));
  }

  @Test
  void runs_a_trial_submission_and_lists_its_outcome_masked() {
    Family family = stubs.population().family("migrant-owner");
    open();

    runTrial("migrant-owner");

    assertThat(outcome()).isEqualTo("VERIFIED");
    for (String source : SOURCES) {
      assertThat(trialStatus(source)).isEqualTo("OK");
    }
    String shown = browser.findElement(By.cssSelector("#try-result .head")).getText();
    String reference = value("select reference from applications");
    assertThat(shown).contains(reference);
    waitForWithdrawal();
    assertThat(value("select status from applications")).isEqualTo("WITHDRAWN");

    // The poll brings it into the recent verifications, without names, ID numbers or phones.
    By row = By.cssSelector("#recent-rows tr[data-reference='" + reference + "']");
    waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(row));
    assertThat(read(() -> browser.findElement(row).getAttribute("data-outcome")))
        .isEqualTo("VERIFIED");
    assertThat(read(() -> browser.findElement(row).getText()))
        .contains(family.regionCode())
        .contains("户籍 OK");
    String console = browser.findElement(By.tagName("main")).getText();
    assertThat(console)
        .doesNotContain(family.child().idNumber())
        .doesNotContain(family.guardian().idNumber())
        .doesNotContain(family.phone())
        .doesNotContain(family.guardian().name());
  }

  @Test
  void keeps_the_key_of_the_fragment_for_the_session_and_out_of_the_address_bar() {
    open();
    waitUpTo(30).until(d -> fourOrNone(d.findElements(By.cssSelector("#sources .card"))));

    Object stored =
        ((JavascriptExecutor) browser)
            .executeScript("return sessionStorage.getItem('enrollment.ops.apiKey')");
    assertThat(stored).isEqualTo(KEY);
    assertThat(browser.getCurrentUrl()).doesNotContain(KEY);
    assertThat(browser.findElement(By.id("api-key")).getAttribute("value")).isEqualTo(KEY);
    assertThat(browser.findElement(By.id("status")).getText()).startsWith("Live");
  }

  @Test
  void shows_the_configuration_in_force_or_says_it_is_not_available() {
    int status =
        client
            .get()
            .uri("/api/v1/ops/configuration")
            .exchange()
            .returnResult(String.class)
            .getStatus()
            .value();
    open();

    if (status == 404) {
      // GET /api/v1/ops/configuration comes with live reload; until then the console says so.
      WebElement missing =
          waitUpTo(30)
              .until(ExpectedConditions.presenceOfElementLocated(By.id("config-unavailable")));
      assertThat(missing.getText()).startsWith("not available");
    } else {
      assertThat(status).isEqualTo(200);
      waitUpTo(30)
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#config-tree details .key, #config-tree .leaf .key")));
    }
  }

  /** Loads the page anew (from the same page, a new fragment alone would not reload it). */
  private void open() {
    browser.get("about:blank");
    browser.get("http://localhost:" + port + "/ops/console#key=" + KEY);
  }

  /** Picks {@code family} in the form, runs it and waits for its answer. */
  private void runTrial(String family) {
    WebElement option =
        waitUpTo(30)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#try-family option[data-family='" + family + "']")));
    new Select(browser.findElement(By.id("try-family")))
        .selectByValue(option.getAttribute("value"));
    assertThat(browser.findElement(By.id("try-body")).getAttribute("value"))
        .contains(stubs.population().family(family).guardian().idNumber());
    ((JavascriptExecutor) browser)
        .executeScript("var r = document.getElementById('try-result'); r.textContent = '';");
    browser.findElement(By.id("try-run")).click();
    waitUpTo(30)
        .until(
            ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("try-outcome")),
                ExpectedConditions.presenceOfElementLocated(By.id("try-error"))));
    assertThat(browser.findElements(By.id("try-error"))).isEmpty();
  }

  private String outcome() {
    return browser.findElement(By.id("try-outcome")).getAttribute("data-outcome");
  }

  private String trialStatus(String source) {
    return browser
        .findElement(By.cssSelector("#try-sources li[data-source='" + source + "']"))
        .getAttribute("data-status");
  }

  private void waitForWithdrawal() {
    waitUpTo(30)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("try-withdrawal"), "withdrawn:"));
  }

  private WebElement card(String source) {
    return browser.findElement(By.id("source-" + source));
  }

  /** {@code attribute} of every source card, in page order. */
  private static List<String> cards(WebDriver d, String attribute) {
    return d.findElements(By.cssSelector("#sources .card")).stream()
        .map(card -> card.getAttribute(attribute))
        .toList();
  }

  private static <T> List<T> fourOrNone(List<T> cards) {
    return cards.size() == 4 ? cards : null;
  }

  /**
   * What {@code reading} reads from the page, read again if the page replaced the element between
   * finding and reading it (each poll renders the source cards anew).
   */
  private static <T> T read(java.util.function.Supplier<T> reading) {
    return waitUpTo(10).until(d -> reading.get());
  }

  /** A wait that looks again when each poll's rendering has replaced the element it was reading. */
  private static WebDriverWait waitUpTo(int seconds) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }
}
