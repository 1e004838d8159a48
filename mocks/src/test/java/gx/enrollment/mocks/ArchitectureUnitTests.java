package gx.enrollment.mocks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

class ArchitectureUnitTests {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("gx.enrollment.mocks");

  @Test
  void only_the_command_line_entry_point_writes_to_the_console() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(GovernmentStubsMain.class.getName())
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .check(CLASSES);
  }

  @Test
  void the_population_knows_nothing_of_wiremock_or_the_stubs() {
    noClasses()
        .that()
        .resideInAPackage("gx.enrollment.mocks.population..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.github.tomakehurst..", "gx.enrollment.mocks", "gx.enrollment.mocks.internal..")
        .check(CLASSES);
  }

  @Test
  void the_mocks_depend_on_no_other_module_of_ours() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("gx.enrollment.connectors..", "gx.enrollment.gateway..")
        .check(CLASSES);
  }

  @Test
  void nothing_throws_generic_exceptions() {
    GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(CLASSES);
  }
}
