package org.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold, and the module documentation is written from the code. */
class ModularityTests {

	final ApplicationModules modules = ApplicationModules.of(TierdeskApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublishedApis() {
		modules.verify();
	}

	@Test
	void theTicketModuleKnowsNothingOfReportingOrTheDemo() {
		ApplicationModule ticket = modules.getModuleByName("ticket").orElseThrow();
		var dependencies = ticket.getDirectDependencies(modules);
		assertThat(dependencies.containsModuleNamed("program")).as("sanity: it does use the program module").isTrue();
		assertThat(dependencies.containsModuleNamed("reporting")).isFalse();
		assertThat(dependencies.containsModuleNamed("demo")).isFalse();
		assertThat(dependencies.containsModuleNamed("workspace")).isFalse();
	}

	@Test
	void writesTheModuleDocumentation() {
		// diagrams only: the module canvases trip over the javadoc metadata of an annotated package-info (Modulith 2.1.1)
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
