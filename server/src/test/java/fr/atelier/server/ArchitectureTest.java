package fr.atelier.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's layering as rules that fail the build: {@code live} hosts sessions and knows nothing
 * of storage, HTTP or formats; {@code db} and {@code http} are shared and never import a format;
 * each format's folder stands alone; no package cycle anywhere.
 */
@AnalyzeClasses(packages = "fr.atelier.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("fr.atelier.server.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule formatsDoNotImportEachOther = slices().matching("fr.atelier.server.formats.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule liveStandsAlone = noClasses().that().resideInAPackage("fr.atelier.server.live..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.atelier.server.db..", "fr.atelier.server.http..",
                    "fr.atelier.server.formats..", "fr.atelier.server.ws..", "fr.atelier.server.infra..");

    @ArchTest
    static final ArchRule sharedLayersImportNoFormat = noClasses().that()
            .resideInAnyPackage("fr.atelier.server.live..", "fr.atelier.server.db..", "fr.atelier.server.http..", "fr.atelier.server.ws..")
            .should().dependOnClassesThat().resideInAPackage("fr.atelier.server.formats.*..");

    @ArchTest
    static final ArchRule onlyTheStartUpKnowsTheApplication = noClasses().that().resideOutsideOfPackage("fr.atelier.server")
            .and().resideOutsideOfPackage("fr.atelier.server.bench..")
            .should().dependOnClassesThat().resideInAPackage("fr.atelier.server");
}
