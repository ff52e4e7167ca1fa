package cl.compraagil.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the gateway's feature packages independent and the gateway purely reactive. */
@AnalyzeClasses(packages = "cl.compraagil.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCycles =
            slices().matching("cl.compraagil.gateway.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule problemAndCorrelationAreFoundationsNotFeatures = noClasses()
            .that().resideInAnyPackage("..gateway.problem..", "..gateway.correlation..")
            .should().dependOnClassesThat().resideInAnyPackage("..gateway.quota..", "..gateway.apikey..",
                    "..gateway.security..", "..gateway.routing..", "..gateway.limits..");

    @ArchTest
    static final ArchRule quotasDoNotReachIntoApiKeyExchange = noClasses()
            .that().resideInAPackage("..gateway.quota..")
            .should().dependOnClassesThat().resideInAPackage("..gateway.apikey..");

    @ArchTest
    static final ArchRule nothingUsesTheServletStack = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..",
                    "cl.compraagil.problem..");

    @ArchTest
    static final ArchRule configurationIsBoundToPropertiesRecordsNotInjectedWithValue = noFields()
            .should().beAnnotatedWith(org.springframework.beans.factory.annotation.Value.class);
}
