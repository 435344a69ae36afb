package org.coordscope;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The directions dependencies may point in (issue 17, item 7), checked on the production classes. */
@AnalyzeClasses(packages = "org.coordscope", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The detection core runs on plain data: testable without a store, reusable without a server. */
    @ArchTest
    static final ArchRule pipelineIsPure = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.coordscope.detect.pipeline..",
                    "org.coordscope.detect.signal..",
                    "org.coordscope.detect.community..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.neo4j..", "org.springframework.web..", "org.coordscope.web..");

    /** {@code web} holds the API types and errors every feature shares, so it can know none of them. */
    @ArchTest
    static final ArchRule webKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("org.coordscope.web..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.coordscope..")
                    .and(resideOutsideOfPackage("org.coordscope.web.."))
                    .as("reside in a feature package"));

    /** Synthetic worlds are generated without the import and detection code; only the demo loader feeds them in. */
    @ArchTest
    static final ArchRule generatorUsesFeaturesOnlyThroughTheDemoLoader = noClasses()
            .that()
            .resideInAPackage("org.coordscope.generate..")
            .and()
            .doNotHaveSimpleName("DemoWorldLoader")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.coordscope.ingest..", "org.coordscope.detect..");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures =
            slices().matching("org.coordscope.(*)..").should().beFreeOfCycles();
}
