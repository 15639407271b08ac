package org.oversight.api.organization;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;
import org.oversight.api.viewer.Role;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;

import static org.assertj.core.api.Assertions.assertThat;

@ApiIntegrationTest
class OrganizationApiIntegrationTests extends ApiTestSupport {

	static Map<String, Object> input(String code, String name, String level, String parentId) {
		var input = new java.util.HashMap<String, Object>(
				Map.of("code", code, "name", name, "kind", "PARTY_COMMITTEE", "level", level));
		if (parentId != null) {
			input.put("parentId", parentId);
		}
		return input;
	}

	@Test
	void createsAnOrganizationUnderItsParent() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		admin().documentName("createOrganization")
			.variable("input", input("C1", "青州市委", "CITY", province.id()))
			.execute()
			.path("createOrganization.code")
			.entity(String.class)
			.isEqualTo("C1")
			.path("createOrganization.parent.code")
			.entity(String.class)
			.isEqualTo("P")
			.path("createOrganization.ancestors[*].code")
			.entityList(String.class)
			.containsExactly("P")
			.path("createOrganization.depth")
			.entity(Integer.class)
			.isEqualTo(1);
	}

	@Test
	void badInputIsABadRequestNamingTheField() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		admin().documentName("createOrganization")
			.variable("input", input("C1", "   ", "CITY", province.id()))
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(errors.get(0).getMessage()).contains("name");
			});
		admin().documentName("organizations")
			.variable("first", 501)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST"));
	}

	@Test
	void duplicateCodeIsAConflictAndUnknownParentNotFound() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		admin().documentName("createOrganization")
			.variable("input", input("P", "重复", "PROVINCE", null))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("CONFLICT"));
		admin().documentName("createOrganization")
			.variable("input", input("C9", "市", "CITY", "000000000000000000000000"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("NOT_FOUND"));
		admin().documentName("organizations")
			.execute()
			.path("organizations.totalCount")
			.entity(Integer.class)
			.isEqualTo(1);
		assertThat(province.code()).isEqualTo("P");
	}

	@Test
	void aViewerMayNotCreateAndNothingIsStored() {
		this.fixtures.org("P", OrgLevel.PROVINCE, null);
		account("viewer", null, null, Role.VIEWER).documentName("createOrganization")
			.variable("input", input("P2", "省", "PROVINCE", null))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
		admin().documentName("organizations")
			.execute()
			.path("organizations.totalCount")
			.entity(Integer.class)
			.isEqualTo(1);
	}

	@Test
	void treeFieldsAndTeamInOrder() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		Organization city = this.fixtures.org("C", OrgLevel.CITY, province);
		this.fixtures.org("X", OrgLevel.COUNTY, city);
		var day = java.time.LocalDate.of(2024, 1, 1);
		this.fixtures.appoint(this.fixtures.cadre("成员乙"), city, TeamRole.MEMBER, day);
		this.fixtures.appoint(this.fixtures.cadre("副市长"), city, TeamRole.DEPUTY, day);
		this.fixtures.appoint(this.fixtures.cadre("纪委书记"), city, TeamRole.DISCIPLINE_SECRETARY, day);
		this.fixtures.appoint(this.fixtures.cadre("市委书记"), city, TeamRole.PRINCIPAL, day);
		admin().documentName("organizationTree")
			.variable("code", "C")
			.execute()
			.path("organizationByCode.parent.code")
			.entity(String.class)
			.isEqualTo("P")
			.path("organizationByCode.children[*].code")
			.entityList(String.class)
			.containsExactly("X")
			.path("organizationByCode.principal.name")
			.entity(String.class)
			.isEqualTo("市委书记")
			.path("organizationByCode.team[*].role")
			.entityList(String.class)
			.containsExactly("PRINCIPAL", "DISCIPLINE_SECRETARY", "DEPUTY", "MEMBER")
			.path("organizationByCode.vacant")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	@Test
	void pagesAreStableAndCursorsOpaque() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		for (int i = 1; i <= 5; i++) {
			this.fixtures.org("C" + i, OrgLevel.CITY, province);
		}
		String cursor = admin().documentName("organizations")
			.variable("first", 4)
			.execute()
			.path("organizations.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("organizations.edges[*].node.code")
			.entityList(String.class)
			.containsExactly("C1", "C2", "C3", "C4")
			.path("organizations.pageInfo.endCursor")
			.entity(String.class)
			.get();
		admin().documentName("organizations")
			.variable("first", 4)
			.variable("after", cursor)
			.execute()
			.path("organizations.edges[*].node.code")
			.entityList(String.class)
			.containsExactly("C5", "P")
			.path("organizations.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);
		admin().documentName("organizations")
			.variable("after", "not-a-cursor")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST"));
	}

	@Test
	void movingUnderADescendantIsABadRequestAndDissolvingAParentAConflict() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		Organization city = this.fixtures.org("C", OrgLevel.CITY, province);
		Organization other = this.fixtures.org("D", OrgLevel.CITY, province);
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, city);
		admin().documentName("moveOrganization")
			.variable("id", city.id())
			.variable("newParentId", county.id())
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST"));
		admin().documentName("moveOrganization")
			.variable("id", county.id())
			.variable("newParentId", other.id())
			.execute()
			.path("moveOrganization.ancestors[*].code")
			.entityList(String.class)
			.containsExactly("P", "D");
		admin().documentName("dissolveOrganization")
			.variable("id", other.id())
			.variable("on", "2026-01-01")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("CONFLICT"));
		admin().documentName("dissolveOrganization")
			.variable("id", city.id())
			.variable("on", "2026-01-01")
			.execute()
			.path("dissolveOrganization.dissolvedOn")
			.entity(String.class)
			.isEqualTo("2026-01-01");
	}

}
