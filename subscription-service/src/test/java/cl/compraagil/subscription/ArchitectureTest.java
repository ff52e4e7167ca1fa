package cl.compraagil.subscription;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Keeps the service packaged by feature: no cycles between features, web at the edge, Stripe behind its adapter. */
@AnalyzeClasses(packages = "cl.compraagil.subscription", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCycles = slices()
            .matching("cl.compraagil.subscription.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersAreUsedByNoOtherClass = noClasses()
            .should().dependOnClassesThat().areAnnotatedWith(RestController.class)
            .because("controllers are the web edge; domain and persistence never call them");

    @ArchTest
    static final ArchRule repositoriesDoNotReachTheWeb = noClasses().that().areAnnotatedWith(Repository.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "cl.compraagil.security..");

    @ArchTest
    static final ArchRule stripeSdkStaysInsideBilling = noClasses()
            .that().resideOutsideOfPackages("..billing.stripe..", "..billing.webhook..", "..billing.local..")
            .should().dependOnClassesThat().resideInAPackage("com.stripe..");

    @ArchTest
    static final ArchRule planCatalogueKnowsNothingOfSubscriptions = noClasses()
            .that().resideInAPackage("..subscription.plan..")
            .should().dependOnClassesThat().resideInAnyPackage("..subscription.account..", "..subscription.billing..",
                    "..subscription.usage..", "..subscription.payment..");
}
