package org.oversight.api.test;

import java.time.LocalDate;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.test.Fixtures;

/**
 * A small province for API tests: P > C1 > X1 > T1 and P > C2 > X2, each with a principal
 * except X1 (vacant); C1 has a full team.
 */
public final class World {

	public static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

	public final Organization province;

	public final Organization city1;

	public final Organization county1;

	public final Organization township1;

	public final Organization city2;

	public final Organization county2;

	public final Cadre provincePrincipal;

	public final Cadre city1Principal;

	public final Cadre city1Secretary;

	public final Cadre city1Deputy;

	public final Cadre township1Principal;

	public final Cadre city2Principal;

	public final Cadre county2Principal;

	public World(Fixtures fixtures) {
		this.province = fixtures.org("P", OrgLevel.PROVINCE, null);
		this.city1 = fixtures.org("C1", OrgLevel.CITY, this.province);
		this.county1 = fixtures.org("X1", OrgLevel.COUNTY, this.city1);
		this.township1 = fixtures.org("T1", OrgLevel.TOWNSHIP, this.county1);
		this.city2 = fixtures.org("C2", OrgLevel.CITY, this.province);
		this.county2 = fixtures.org("X2", OrgLevel.COUNTY, this.city2);
		this.provincePrincipal = appoint(fixtures, "省委书记", this.province, TeamRole.PRINCIPAL);
		this.city1Principal = appoint(fixtures, "一市书记", this.city1, TeamRole.PRINCIPAL);
		this.city1Secretary = appoint(fixtures, "一市纪委书记", this.city1, TeamRole.DISCIPLINE_SECRETARY);
		this.city1Deputy = appoint(fixtures, "一市副市长", this.city1, TeamRole.DEPUTY);
		this.township1Principal = appoint(fixtures, "一镇书记", this.township1, TeamRole.PRINCIPAL);
		this.city2Principal = appoint(fixtures, "二市书记", this.city2, TeamRole.PRINCIPAL);
		this.county2Principal = appoint(fixtures, "二县书记", this.county2, TeamRole.PRINCIPAL);
	}

	private static Cadre appoint(Fixtures fixtures, String name, Organization organization, TeamRole role) {
		Cadre cadre = fixtures.cadre(name);
		fixtures.appoint(cadre, organization, role, SINCE);
		return cadre;
	}

}
