package gx.enrollment.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries that matter, checked on every build. */
class ArchitectureUnitTests {

  private static final JavaClasses GATEWAY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("gx.enrollment.gateway");

  @Test
  void never_blocks_a_reactive_pipeline() {
    noClasses()
        .should()
        .callMethodWhere(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "a block*() of Mono or Flux",
                call ->
                    call.getTarget().getName().startsWith("block")
                        && (call.getTargetOwner().isAssignableTo(reactor.core.publisher.Mono.class)
                            || call.getTargetOwner()
                                .isAssignableTo(reactor.core.publisher.Flux.class))))
        .because("a request path must never block a Netty event loop (DESIGN.md)")
        .check(GATEWAY);
  }

  @Test
  void never_writes_to_standard_streams_nor_uses_java_util_logging() {
    NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(GATEWAY);
    NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(GATEWAY);
  }

  @Test
  void throws_no_generic_exceptions() {
    NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(GATEWAY);
  }

  @Test
  void never_sleeps() {
    noClasses()
        .should()
        .callMethod(Thread.class, "sleep", long.class)
        .because("waiting is done with Reactor's timers, not by parking a thread")
        .check(GATEWAY);
  }

  @Test
  void keeps_the_pure_rules_free_of_spring_and_io() {
    noClasses()
        .that()
        .resideInAnyPackage("..gateway.submission..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "reactor..", "java.io..", "java.net..")
        .check(GATEWAY);
  }

  @Test
  void keeps_the_lottery_rules_free_of_spring_io_clocks_and_randomness() {
    noClasses()
        .that()
        .haveFullyQualifiedName("gx.enrollment.gateway.lottery.LotteryDraw")
        .or()
        .haveFullyQualifiedName("gx.enrollment.gateway.lottery.LotteryDraw$Entry")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "reactor..", "java.io..", "java.net..", "java.time..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.Random")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.security.SecureRandom")
        .check(GATEWAY);
  }

  @Test
  void leaves_the_government_stubs_to_tests() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("gx.enrollment.mocks..", "com.github.tomakehurst..")
        .because("the stubs run in tests and the local run only, never in the shipped gateway")
        .check(GATEWAY);
  }
}
