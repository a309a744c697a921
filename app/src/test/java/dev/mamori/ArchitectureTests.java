package dev.mamori;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Java visibility and Modulith's verify() do not stop on their own.
 */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mamori");

    @Test
    void controllersLiveInWebPackagesAndArePackagePrivate() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().resideInAPackage("dev.mamori.*.web..")
                .andShould().notHaveModifier(JavaModifier.PUBLIC)
                .check(CLASSES);
    }

    @Test
    void controllersHoldNoTransactionsAndRunNoSql() {
        noClasses().that().resideInAPackage("dev.mamori.*.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(CLASSES);
        methods().that().areDeclaredInClassesThat().resideInAPackage("dev.mamori.*.web..")
                .should().notBeAnnotatedWith(Transactional.class)
                .check(CLASSES);
        classes().that().resideInAPackage("dev.mamori.*.web..")
                .should().notBeAnnotatedWith(Transactional.class)
                .check(CLASSES);
    }

    @Test
    void repositoriesAreUsedOnlyInsideTheirOwnModule() {
        for (String module : new String[] {"platform", "ledger", "directory"}) {
            noClasses().that().resideOutsideOfPackage("dev.mamori." + module + "..")
                    .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.and(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.mamori." + module + ".."),
                            com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith(Repository.class)))
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }
}
