package global.lco.thumbs.app;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The packages read as the pipeline, one way: no package of the service's code (all modules, tests
 * left out) depends, directly or through others, on a package that depends back on it. A cycle is
 * reported with the classes that make it.
 */
class PackageCyclesTest {
  @Test
  @DisplayName("No dependency cycle between the packages of any module")
  void noCycles() {
    // Module classes come from the other modules' jars in a reactor build: jars stay included.
    var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("global.lco.thumbs");
    assertThat(classes.stream().map(c -> c.getPackageName().split("\\.")[3]).distinct())
        .as("every module's classes are checked").contains("gateway", "worker", "shared", "archive", "app");
    slices().matching("global.lco.thumbs.(**)").should().beFreeOfCycles().check(classes);
  }
}
