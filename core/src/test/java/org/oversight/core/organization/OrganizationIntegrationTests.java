package org.oversight.core.organization;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.Cadres;
import org.oversight.core.cadre.CadreService;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.DomainException;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.Findings;
import org.oversight.core.finding.Severity;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MongoIntegrationTest
class OrganizationIntegrationTests {

	@Autowired
	OrganizationService service;

	@Autowired
	Organizations organizations;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CadreService cadres;

	@Autowired
	Cadres cadreStore;

	@Autowired
	Findings findings;

	@Autowired
	MongoTemplate mongo;

	@Test
	void childCarriesTheMaterialisedPathOfItsAncestors() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		Organization city = this.fixtures.org("C", OrgLevel.CITY, province);
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, city);
		assertThat(county.path()).containsExactly(province.id(), city.id(), county.id());
		assertThat(county.ancestorIds()).containsExactly(province.id(), city.id());
		assertThat(this.organizations.findSubtree(city.id())).extracting(Organization::code)
			.containsExactlyInAnyOrder("C", "X");
		assertThat(county.stamp().createdBy()).isEqualTo("system");
	}

	@Test
	void duplicateCodeIsAConflict() {
		this.fixtures.org("P", OrgLevel.PROVINCE, null);
		assertThatThrownBy(() -> this.fixtures.org("P", OrgLevel.PROVINCE, null))
			.isInstanceOf(DomainException.Conflict.class);
		assertThat(this.organizations.count()).isEqualTo(1);
	}

	@Test
	void invalidInputNamesTheFieldAndStoresNothing() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		assertThatThrownBy(() -> this.service.create(new OrganizationService.CreateOrganization("C1", "   ",
				OrgKind.PARTY_COMMITTEE, OrgLevel.CITY, province.id())))
			.isInstanceOfSatisfying(DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("name"));
		assertThatThrownBy(() -> this.service.create(new OrganizationService.CreateOrganization("C 1", "市",
				OrgKind.PARTY_COMMITTEE, OrgLevel.CITY, province.id())))
			.isInstanceOfSatisfying(DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("code"));
		assertThatThrownBy(() -> this.service.create(new OrganizationService.CreateOrganization("C2", "市",
				OrgKind.PARTY_COMMITTEE, OrgLevel.CITY, "ffffffffffffffffffffffff")))
			.isInstanceOfSatisfying(DomainException.NotFound.class,
					(ex) -> assertThat(ex.field()).isEqualTo("parentId"));
		assertThatThrownBy(() -> this.service.create(
				new OrganizationService.CreateOrganization("C3", "市", OrgKind.PARTY_COMMITTEE, null, province.id())))
			.isInstanceOfSatisfying(DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("level"));
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, province);
		assertThatThrownBy(() -> this.fixtures.org("C4", OrgLevel.CITY, county))
			.isInstanceOfSatisfying(DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("level"));
		assertThat(this.organizations.count()).isEqualTo(2);
	}

	@Test
	void movingRewritesThePathsBelowAndInOwnedRecords() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		Organization cityA = this.fixtures.org("A", OrgLevel.CITY, province);
		Organization cityB = this.fixtures.org("B", OrgLevel.CITY, province);
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, cityA);
		Organization township = this.fixtures.org("T", OrgLevel.TOWNSHIP, county);
		Cadre cadre = this.fixtures.cadre("王伟");
		Appointment post = this.fixtures.appoint(cadre, township, TeamRole.PRINCIPAL, LocalDate.of(2024, 1, 1));
		Finding finding = this.fixtures.finding(township, cadre, Severity.GENERAL, LocalDate.of(2026, 1, 5));

		Organization moved = this.service.move(county.id(), cityB.id());

		assertThat(moved.parentId()).isEqualTo(cityB.id());
		assertThat(moved.path()).containsExactly(province.id(), cityB.id(), county.id());
		assertThat(this.organizations.findById(township.id()).orElseThrow().path()).containsExactly(province.id(),
				cityB.id(), county.id(), township.id());
		assertThat(this.mongo.findById(post.id(), Appointment.class).orgPath()).containsExactly(province.id(),
				cityB.id(), county.id(), township.id());
		assertThat(this.findings.findById(finding.id()).orElseThrow().orgPath()).containsExactly(province.id(),
				cityB.id(), county.id(), township.id());
		assertThat(this.cadreStore.findById(cadre.id()).orElseThrow().orgScope()).contains(cityB.id())
			.doesNotContain(cityA.id());
		assertThat(this.organizations.findSubtree(cityA.id())).extracting(Organization::code).containsExactly("A");
	}

	@Test
	void aMoveCutOffMidwayIsCompletedByItsRetry() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		Organization cityA = this.fixtures.org("A", OrgLevel.CITY, province);
		Organization cityB = this.fixtures.org("B", OrgLevel.CITY, province);
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, cityA);
		Organization township = this.fixtures.org("T", OrgLevel.TOWNSHIP, county);
		// the first write of a move happened, then the process died
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(county.id())),
				new Update().set("parentId", cityB.id()).set("pendingMoveFrom", county.ancestorIds()),
				Organization.class);
		this.mongo.updateMulti(Query.query(Criteria.where("path").is(county.id())),
				new Update().pullAll("path", new Object[] { province.id(), cityA.id() }), Organization.class);

		this.service.move(county.id(), cityB.id());

		assertThat(this.organizations.findById(township.id()).orElseThrow().path()).containsExactly(province.id(),
				cityB.id(), county.id(), township.id());
		assertThat(this.organizations.findById(county.id()).orElseThrow().pendingMoveFrom()).isNull();
	}

	@Test
	void cannotMoveUnderItselfOrADescendant() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		Organization city = this.fixtures.org("A", OrgLevel.CITY, province);
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, city);
		assertThatThrownBy(() -> this.service.move(city.id(), county.id())).isInstanceOfSatisfying(
				DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("newParentId"));
		assertThatThrownBy(() -> this.service.move(city.id(), city.id())).isInstanceOf(DomainException.Invalid.class);
		assertThat(this.organizations.findById(city.id()).orElseThrow().path()).containsExactly(province.id(),
				city.id());
	}

	@Test
	void dissolvingIsRefusedWhileAnOrganizationBelowExists() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		Organization city = this.fixtures.org("A", OrgLevel.CITY, province);
		this.fixtures.org("X", OrgLevel.COUNTY, city);
		assertThatThrownBy(() -> this.service.dissolve(city.id(), LocalDate.of(2026, 1, 1)))
			.isInstanceOf(DomainException.Conflict.class);
		assertThat(this.organizations.findById(city.id()).orElseThrow().dissolvedOn()).isNull();
	}

	@Test
	void dissolvingEndsEveryCurrentAppointmentThatDay() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		Organization city = this.fixtures.org("A", OrgLevel.CITY, province);
		Cadre principal = this.fixtures.cadre("李强");
		Cadre deputy = this.fixtures.cadre("张敏");
		Appointment p = this.fixtures.appoint(principal, city, TeamRole.PRINCIPAL, LocalDate.of(2020, 1, 1));
		Appointment d = this.fixtures.appoint(deputy, city, TeamRole.DEPUTY, LocalDate.of(2021, 1, 1),
				LocalDate.of(2030, 1, 1));

		Organization dissolved = this.service.dissolve(city.id(), LocalDate.of(2026, 3, 31));

		assertThat(dissolved.dissolvedOn()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(this.cadres.getAppointment("id", p.id()).end()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(this.cadres.getAppointment("id", d.id()).end()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThatThrownBy(() -> this.fixtures.org("Y", OrgLevel.COUNTY, dissolved))
			.isInstanceOf(DomainException.Conflict.class);
	}

}
