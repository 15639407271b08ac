package org.oversight.api.graphql;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Queries too deep or too costly are refused before anything runs. */
@ApiIntegrationTest
class LimitsIntegrationTests extends ApiTestSupport {

	@Autowired
	private ParsedDocuments documents;

	static String nested(int depth) {
		String inner = "code";
		for (int i = 0; i < depth; i++) {
			inner = "children { " + inner + " }";
		}
		return "{ organizations(first: 1) { edges { node { " + inner + " } } } }";
	}

	@Test
	void aQueryDeeperThanTheLimitIsRefused() {
		admin().document(nested(10)).execute().errors().verify();
		admin().document(nested(14)).execute().errors().satisfy((errors) -> {
			assertThat(errors).isNotEmpty();
			assertThat(errors.get(0).getMessage()).containsIgnoringCase("depth");
		});
	}

	@Test
	void aQueryCostlierThanTheLimitIsRefused() {
		String query = "{ organizations(first: 500) { edges { node { code "
				+ "findings(first: 500) { edges { node { id description rectifications { id } } } } } } } }";
		admin().document(query).execute().errors().satisfy((errors) -> {
			assertThat(errors).isNotEmpty();
			assertThat(errors.get(0).getMessage()).containsIgnoringCase("complexity");
		});
	}

	@Test
	void theLimitsHoldForADocumentAlreadyParsedAndForEachRequestsVariables() {
		String query = "query($first: Int) { organizations(first: $first) { edges { node { code "
				+ "findings(first: $first) { edges { node { id description rectifications { id } } } } } } } }";
		admin().document(query).variable("first", 2).execute().errors().verify();
		for (int i = 0; i < 2; i++) {
			admin().document(query).variable("first", 500).execute().errors().satisfy((errors) -> {
				assertThat(errors).isNotEmpty();
				assertThat(errors.get(0).getMessage()).containsIgnoringCase("complexity");
			});
		}
		for (int i = 0; i < 2; i++) {
			admin().document(nested(14)).execute().errors().satisfy((errors) -> {
				assertThat(errors).isNotEmpty();
				assertThat(errors.get(0).getMessage()).containsIgnoringCase("depth");
			});
		}
	}

	@Test
	void aDocumentIsParsedOnceAndAnInvalidOneIsNotKept() {
		String query = "query($first: Int) { organizations(first: $first) { totalCount } }";
		int before = this.documents.size();
		admin().document(query).variable("first", 1).execute().path("organizations.totalCount").hasValue();
		admin().document(query).variable("first", 2).execute().path("organizations.totalCount").hasValue();
		assertThat(this.documents.size()).isEqualTo(before + 1);
		for (int i = 0; i < 2; i++) {
			admin().document("{ organizations { noSuchField } }").execute().errors().satisfy((errors) -> {
				assertThat(errors).isNotEmpty();
				assertThat(errors.get(0).getMessage()).contains("noSuchField");
			});
		}
		assertThat(this.documents.size()).isEqualTo(before + 1);
	}

}
