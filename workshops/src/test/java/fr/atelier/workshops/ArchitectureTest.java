package fr.atelier.workshops;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The domain's shape as rules (issue 13): pure Java, formats side by side, no cycles. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.atelier.workshops");

    /**
     * Jackson's databind reads content files (YAML banks, decks, challenges) and the session codec
     * turns records into JSON; these classes are that edge. Deciders, states, commands, events and
     * views only carry Jackson's annotations.
     */
    private static final Set<String> JSON_EDGE = Set.of(
            "fr.atelier.workshops.core.Json",
            "fr.atelier.workshops.core.SessionCodec",
            "fr.atelier.workshops.core.CommandErrors",
            "fr.atelier.workshops.core.YamlContent",
            "fr.atelier.workshops.core.YamlChecker",
            "fr.atelier.workshops.core.YamlLibrary",
            "fr.atelier.workshops.core.WireNames");

    private static final DescribedPredicate<JavaClass> CONTENT_OR_CODEC = new DescribedPredicate<>("content loaders and codec") {
        @Override
        public boolean test(JavaClass c) {
            String top = c.getName().replaceAll("\\$.*", "");
            String simple = top.substring(top.lastIndexOf('.') + 1);
            return JSON_EDGE.contains(top) || simple.endsWith("Library") || simple.startsWith("QuizBank")
                    || simple.endsWith("Csv");
        }
    };

    @Test
    void workshops_is_pure_java() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.vertx..", "io.lettuce..", "java.sql..", "javax.sql..", "org.jooq..", "org.postgresql..")
                .because("the deciders are pure: I/O lives in server")
                .check(MAIN);
    }

    @Test
    void only_the_content_and_codec_edge_uses_jackson_databind() {
        noClasses().that(DescribedPredicate.not(CONTENT_OR_CODEC))
                .should().dependOnClassesThat(DescribedPredicate.and(
                        resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.dataformat.."),
                        // @JsonTypeIdResolver(WireNames.class) on commands and events is an annotation too
                        DescribedPredicate.not(resideInAPackage("com.fasterxml.jackson.databind.annotation"))))
                .because("deciders, states and views carry annotations only; reading JSON is the codec's job")
                .check(MAIN);
    }

    @Test
    void formats_do_not_import_each_other() {
        slices().matching("fr.atelier.workshops.(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAPackage("fr.atelier.workshops.core.."))
                .because("what two formats share lives in core")
                .check(MAIN);
    }

    @Test
    void core_knows_no_format() {
        noClasses().that().resideInAPackage("fr.atelier.workshops.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("fr.atelier.workshops.core..", "java..", "com.fasterxml.jackson..")
                .check(MAIN);
    }

    @Test
    void no_package_cycles() {
        slices().matching("fr.atelier.workshops.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
