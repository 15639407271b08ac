package org.oversight.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module structure: core ← analytics ← scheduler ← graphql-api, features free of
 * cycles, and no feature reaching into another feature's {@code internal} package.
 */
class ArchitectureTests {

	static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption((location) -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
			.importPackages("org.oversight");
	}

	@Test
	void coreDependsOnNoOtherModule() {
		noClasses().that()
			.resideInAPackage("org.oversight.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.oversight.analytics..", "org.oversight.scheduler..", "org.oversight.api..")
			.check(classes);
	}

	@Test
	void analyticsDependsOnlyOnCore() {
		noClasses().that()
			.resideInAPackage("org.oversight.analytics..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.oversight.scheduler..", "org.oversight.api..")
			.allowEmptyShould(true)
			.check(classes);
	}

	@Test
	void schedulerDoesNotDependOnTheApi() {
		noClasses().that()
			.resideInAPackage("org.oversight.scheduler..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.oversight.api..")
			.allowEmptyShould(true)
			.check(classes);
	}

	@Test
	void featuresOfEachModuleAreFreeOfCycles() {
		slices().matching("org.oversight.(*).(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
	}

	@Test
	void noFeatureReachesIntoAnotherFeaturesInternals() {
		for (String module : new String[] { "core", "analytics", "scheduler", "api" }) {
			for (var javaPackage : classes.stream()
				.map((c) -> c.getPackageName())
				.filter((p) -> p.startsWith("org.oversight." + module + ".") && p.contains(".internal"))
				.map((p) -> p.substring(0, p.indexOf(".internal")))
				.distinct()
				.toList()) {
				noClasses().that()
					.resideOutsideOfPackage(javaPackage + "..")
					.should()
					.dependOnClassesThat()
					.resideInAPackage(javaPackage + ".internal..")
					.check(classes);
			}
		}
	}

}
