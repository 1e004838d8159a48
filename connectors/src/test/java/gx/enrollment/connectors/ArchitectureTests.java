package gx.enrollment.connectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The boundaries of the connectors module, checked on its main classes. */
class ArchitectureTests {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("gx.enrollment.connectors");

  @Test
  void connectors_never_depend_on_the_gateway_or_the_mocks() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("gx.enrollment.gateway..", "gx.enrollment.mocks..")
        .check(MAIN);
  }

  @Test
  void never_write_to_standard_streams() {
    NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN);
  }

  @Test
  void never_throw_generic_exceptions() {
    NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(MAIN);
  }

  @Test
  void log_through_slf4j_only() {
    NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(MAIN);
  }

  @Test
  void never_block_on_a_mono_or_flux() {
    noClasses()
        .should()
        .callMethodWhere(
            DescribedPredicate.describe(
                "Mono/Flux block*(), toIterable(), toStream() or toFuture()",
                (JavaMethodCall call) ->
                    (call.getTargetOwner().isAssignableTo(Mono.class)
                            || call.getTargetOwner().isAssignableTo(Flux.class))
                        && (call.getName().startsWith("block")
                            || call.getName().equals("toIterable")
                            || call.getName().equals("toStream")
                            || call.getName().equals("toFuture"))))
        .check(MAIN);
  }

  @Test
  void never_sleep() {
    noClasses().should().callMethod(Thread.class, "sleep", long.class).check(MAIN);
  }
}
