package cl.compraagil.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

/** The layering of auth-service: features without cycles, SQL out of controllers, HTTP out of the domain. */
@AnalyzeClasses(packages = "cl.compraagil.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("cl.compraagil.auth.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersDoNotRunSql = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class);

    @ArchTest
    static final ArchRule nothingCallsAController = noClasses().should().dependOnClassesThat()
            .areAnnotatedWith(RestController.class);

    @ArchTest
    static final ArchRule domainDoesNotSeeHttp = noClasses().that().areNotAnnotatedWith(RestController.class)
            .and().resideOutsideOfPackage("cl.compraagil.auth.web..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..");

    @ArchTest
    static final ArchRule onlyConstructorInjection = noFields().should().beAnnotatedWith(Autowired.class);

    @ArchTest
    static final ArchRule passwordHashesStayInAuthService = noClasses().that().resideOutsideOfPackages(
                    "cl.compraagil.auth.password..", "cl.compraagil.auth.user..")
            .should().dependOnClassesThat().haveFullyQualifiedName(
                    "org.springframework.security.crypto.argon2.Argon2PasswordEncoder");
}
