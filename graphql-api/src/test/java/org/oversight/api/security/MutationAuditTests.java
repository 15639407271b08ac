package org.oversight.api.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MutationAuditTests {

	@Test
	void theMutationFieldsOfTheOperationRunAreAudited() {
		String document = "query q { me { username } } mutation m { createCadre(input: {}) { id } endAppointment(id: \"1\") { id } }";
		assertThat(MutationAudit.mutationFields(document, "m")).containsExactly("createCadre", "endAppointment");
		assertThat(MutationAudit.mutationFields(document, "q")).isEmpty();
		assertThat(MutationAudit.mutationFields(document, null)).containsExactly("createCadre", "endAppointment");
	}

	@Test
	void queriesAreNotAuditedWhateverTheyName() {
		assertThat(MutationAudit.mutationFields("{ organization(id: \"1\") { name } }", null)).isEmpty();
		assertThat(MutationAudit.mutationFields("query mutations { mutationLog { id } }", null)).isEmpty();
		assertThat(MutationAudit.mutationFields("mutation{logout}", null)).containsExactly("logout");
	}

}
