package dev.buyonce.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.modelling.command.AggregateRoot;
import org.junit.jupiter.api.Test;

/** The domain stays framework-free: the kernel and the aggregates import no Spring and no JPA. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.buyonce");
    static final String[] FORBIDDEN = {"org.springframework..", "jakarta.persistence..", "javax.persistence..",
            "org.hibernate..", "org.axonframework.spring.."};

    @Test
    void theSharedKernelImportsNoSpringAndNoJpa() {
        noClasses().that().resideInAPackage("dev.buyonce.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN)
                .check(CLASSES);
    }

    @Test
    void aggregatesImportNoSpringAndNoJpa() {
        noClasses().that().areAnnotatedWith(AggregateRoot.class)
                .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN)
                .check(CLASSES);
    }

    @Test
    void theAggregatesAreWhereTheRuleLooks() {
        classes().that().haveFullyQualifiedName("dev.buyonce.command.order.Order")
                .or().haveFullyQualifiedName("dev.buyonce.command.entitlement.Entitlement")
                .or().haveFullyQualifiedName("dev.buyonce.command.catalog.Product")
                .should().beAnnotatedWith(AggregateRoot.class)
                .check(CLASSES);
    }
}
