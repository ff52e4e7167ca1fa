package cl.compraagil.ml;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the features of the service apart and the controllers at the edge. */
@AnalyzeClasses(packages = "cl.compraagil.ml", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCycles = slices()
            .matching("cl.compraagil.ml.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingDependsOnControllers = noClasses().that().haveSimpleNameNotEndingWith("Controller")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Controller")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyPersistenceTouchesJdbcOutsideTheImporter = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..");

    @ArchTest
    static final ArchRule textAndStorageAreLeaves = noClasses()
            .that().resideInAnyPackage("cl.compraagil.ml.text..", "cl.compraagil.ml.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("cl.compraagil.ml.price..", "cl.compraagil.ml.winmodel..",
                    "cl.compraagil.ml.analysis..", "cl.compraagil.ml.competitors..", "cl.compraagil.ml.history..");
}
