package org.oversight.analytics.report;

import java.time.LocalDate;
import java.util.List;

import org.bson.Document;

import org.oversight.analytics.facts.AnalyticsReads;
import org.oversight.core.organization.OrgKind;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;

/** The fields of an organization a report needs. */
record OrgNode(String id, String code, String name, OrgKind kind, OrgLevel level, String parentId, List<String> path,
		LocalDate dissolvedOn) {

	static OrgNode of(Organization organization) {
		return new OrgNode(organization.id(), organization.code(), organization.name(), organization.kind(),
				organization.level(), organization.parentId(), organization.path(), organization.dissolvedOn());
	}

	/** From an organization read as a document with the fields above. */
	static OrgNode of(Document row) {
		return new OrgNode(AnalyticsReads.id(row), row.getString("code"), row.getString("name"),
				OrgKind.valueOf(row.getString("kind")), OrgLevel.valueOf(row.getString("level")),
				row.getString("parentId"), AnalyticsReads.strings(row, "path"), AnalyticsReads.day(row, "dissolvedOn"));
	}

	boolean existsOn(LocalDate day) {
		return this.dissolvedOn == null || !day.isAfter(this.dissolvedOn);
	}

	/** Existed at some time in the year: gets a report for it. */
	boolean existsIn(int year) {
		return this.dissolvedOn == null || this.dissolvedOn.getYear() >= year;
	}

}
