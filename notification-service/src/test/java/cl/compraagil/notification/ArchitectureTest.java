package cl.compraagil.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the service packaged by feature, with controllers at the edge and no cycles between features. */
@AnalyzeClasses(packages = "cl.compraagil.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCycles = slices()
            .matching("cl.compraagil.notification.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nobodyCallsAController = noClasses()
            .should().dependOnClassesThat().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class);

    @ArchTest
    static final ArchRule repositoriesKnowNothingOfTheWeb = noClasses()
            .that().areAnnotatedWith(org.springframework.stereotype.Repository.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule controllersOnlyTalkToTheirOwnFeature = classes().that().haveSimpleNameEndingWith("Controller")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("..notification.outbound..", "..notification.contact..",
                    "..notification.events..");

    @ArchTest
    static final ArchRule eventRoutingKnowsNoFeature = noClasses().that().resideInAPackage("..notification.events..")
            .should().dependOnClassesThat().resideInAnyPackage("..notification.alert..", "..notification.webhook..",
                    "..notification.inbox..", "..notification.outbound..", "..notification.account..");

    @ArchTest
    static final ArchRule noFieldInjection = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.beans.factory.annotation.Value");
}
