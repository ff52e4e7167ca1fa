package cl.compraagil.licitacion;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the service's shape: features do not depend on each other in cycles, controllers are entry points
 * nobody calls, Mercado Público's client knows nothing of the web or of other features, and SQL stays out of
 * controllers.
 */
@AnalyzeClasses(packages = "cl.compraagil.licitacion", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("cl.compraagil.licitacion.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersAreNotCalledByOtherClasses = classes().that()
            .areAnnotatedWith(RestController.class).should().onlyHaveDependentClassesThat()
            .areAnnotatedWith(RestController.class);

    @ArchTest
    static final ArchRule controllersDoNotRunSql = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class);

    @ArchTest
    static final ArchRule mercadoPublicoClientOnlyKnowsTheCatalogModel = noClasses().that()
            .resideInAPackage("..licitacion.mercadopublico..").should().dependOnClassesThat()
            .resideInAnyPackage("..licitacion.search..", "..licitacion.saved..", "..licitacion.profile..",
                    "..licitacion.ingestion..", "..licitacion.export..", "..licitacion.views..",
                    "org.springframework.web.bind..");

    @ArchTest
    static final ArchRule catalogDoesNotDependOnFeaturesBuiltOnIt = noClasses().that()
            .resideInAPackage("..licitacion.catalog..").should().dependOnClassesThat()
            .resideInAnyPackage("..licitacion.search..", "..licitacion.saved..", "..licitacion.profile..",
                    "..licitacion.ingestion..", "..licitacion.export..", "..licitacion.views..",
                    "..licitacion.mercadopublico..");
}
