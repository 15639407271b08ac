package org.oversight.core.test;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.CadreService;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.finding.DispositionForm;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingCategory;
import org.oversight.core.finding.FindingService;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.OrgKind;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationMode;
import org.oversight.core.rectification.RectificationService;

/** Builds small, readable test data through the real services. */
@Component
public class Fixtures {

	private final OrganizationService organizations;

	private final CadreService cadres;

	private final FindingService findings;

	private final RectificationService rectifications;

	private int counter;

	public Fixtures(OrganizationService organizations, CadreService cadres, FindingService findings,
			RectificationService rectifications) {
		this.organizations = organizations;
		this.cadres = cadres;
		this.findings = findings;
		this.rectifications = rectifications;
	}

	public Organization org(String code, OrgLevel level, Organization parent) {
		return this.organizations.create(new OrganizationService.CreateOrganization(code, code + "党委",
				OrgKind.PARTY_COMMITTEE, level, (parent != null) ? parent.id() : null));
	}

	public Cadre cadre(String name) {
		return this.cadres.register(new CadreService.RegisterCadre("G" + (++this.counter) + "-" + name, name, 1975));
	}

	public Appointment appoint(Cadre cadre, Organization organization, TeamRole role, LocalDate start) {
		return appoint(cadre, organization, role, start, null);
	}

	public Appointment appoint(Cadre cadre, Organization organization, TeamRole role, LocalDate start, LocalDate end) {
		return this.cadres
			.appoint(new CadreService.Appoint(cadre.id(), organization.id(), role, role.label(), start, end));
	}

	public Finding finding(Organization organization, Cadre subject, Severity severity, LocalDate reportedOn) {
		return this.findings.register(new FindingService.RegisterFinding(FindingSource.INSPECTION,
				FindingCategory.WORK_STYLE, severity, "问题描述", organization.id(),
				(subject != null) ? subject.id() : null, reportedOn, DispositionForm.FIRST, null));
	}

	public Rectification task(Finding finding, Organization responsible, LocalDate deadline) {
		return this.rectifications.assign(new RectificationService.AssignRectification(finding.id(), responsible.id(),
				null, RectificationMode.DEADLINE, "整改措施", deadline));
	}

	public static List<String> ids(List<? extends Object> list) {
		return list.stream().map(Object::toString).toList();
	}

}
