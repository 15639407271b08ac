package org.oversight.core.meeting;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

import org.bson.types.ObjectId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import org.oversight.core.cadre.CadreService;
import org.oversight.core.common.Actor;
import org.oversight.core.common.Check;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.common.Stamp;
import org.oversight.core.common.Today;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;

/** Democratic life meetings, interference records and duty-and-integrity reports. */
@Service
public class RecordsService {

	private final MongoTemplate mongo;

	private final OrganizationService organizations;

	private final CadreService cadres;

	private final Today today;

	RecordsService(MongoTemplate mongo, OrganizationService organizations, CadreService cadres, Today today) {
		this.mongo = mongo;
		this.organizations = organizations;
		this.cadres = cadres;
		this.today = today;
	}

	public record RecordMeeting(String organizationId, LocalDate date, String theme, String themeApprovedById,
			List<String> upperLevelAttendeeIds, Integer issuesRaised) {
	}

	public record RecordInterference(String organizationId, String cadreId, LocalDate date, String matter) {
	}

	public record DeliverDutyReport(String organizationId, String cadreId, Integer year, LocalDate deliveredOn,
			String summary, boolean coversLowerPrincipals) {
	}

	/** The theme, when approved, is approved by an organization above the team's. */
	public DemocraticLifeMeeting recordMeeting(RecordMeeting command) {
		Organization organization = this.organizations.get("organizationId", command.organizationId());
		LocalDate date = notAfterToday("date", command.date());
		String theme = Check.text("theme", command.theme(), 500);
		if (command.themeApprovedById() != null) {
			Organization approver = this.organizations.get("themeApprovedById", command.themeApprovedById());
			if (!approver.isAncestorOf(organization)) {
				throw DomainException.invalid("themeApprovedById",
						"must be an organization above " + organization.code());
			}
		}
		List<String> attendees = (command.upperLevelAttendeeIds() != null)
				? List.copyOf(new LinkedHashSet<>(command.upperLevelAttendeeIds())) : List.of();
		this.cadres.getAll("upperLevelAttendeeIds", attendees);
		int issues = Check.present("issuesRaised", command.issuesRaised());
		if (issues < 0) {
			throw DomainException.invalid("issuesRaised", "must not be negative");
		}
		return this.mongo.insert(new DemocraticLifeMeeting(new ObjectId().toHexString(), organization.id(),
				organization.path(), date, theme, command.themeApprovedById(), attendees, issues,
				Stamp.created(this.today.now(), Actor.current())));
	}

	public InterferenceRecord recordInterference(RecordInterference command) {
		Organization organization = this.organizations.get("organizationId", command.organizationId());
		this.cadres.get("cadreId", command.cadreId());
		LocalDate date = notAfterToday("date", command.date());
		String matter = Check.text("matter", command.matter(), 10_000);
		return this.mongo.insert(new InterferenceRecord(new ObjectId().toHexString(), organization.id(),
				organization.path(), command.cadreId(), date, matter, Actor.current(),
				Stamp.created(this.today.now(), Actor.current())));
	}

	/** Delivers (or replaces) a cadre's report for a post and year. */
	public DutyReport deliverDutyReport(DeliverDutyReport command) {
		Organization organization = this.organizations.get("organizationId", command.organizationId());
		this.cadres.get("cadreId", command.cadreId());
		int year = Check.present("year", command.year());
		LocalDate delivered = notAfterToday("deliveredOn", command.deliveredOn());
		if (delivered.getYear() < year) {
			throw DomainException.invalid("deliveredOn", "is before the year it reports on");
		}
		String summary = Check.text("summary", command.summary(), 50_000);
		DutyReport report = new DutyReport(DutyReport.key(command.cadreId(), organization.id(), year),
				organization.id(), organization.path(), command.cadreId(), year, delivered, summary,
				command.coversLowerPrincipals(), Stamp.created(this.today.now(), Actor.current()));
		return this.mongo.save(report);
	}

	public List<DemocraticLifeMeeting> meetings(String organizationId, int year) {
		return this.mongo.find(inYear(organizationId, year).with(Sort.by("date", "_id")), DemocraticLifeMeeting.class);
	}

	public List<InterferenceRecord> interferenceRecords(String organizationId, int year) {
		return this.mongo.find(inYear(organizationId, year).with(Sort.by("date", "_id")), InterferenceRecord.class);
	}

	private static Query inYear(String organizationId, int year) {
		return Query.query(Criteria.where("organizationId")
			.is(organizationId)
			.and("date")
			.gte(LocalDate.of(year, 1, 1))
			.lte(LocalDate.of(year, 12, 31)));
	}

	private LocalDate notAfterToday(String field, LocalDate day) {
		Check.present(field, day);
		if (day.isAfter(this.today.date())) {
			throw DomainException.invalid(field, "is after today");
		}
		return day;
	}

	@Configuration(proxyBeanMethods = false)
	static class Collections {

		@Bean
		OrgPathCollection meetingsCollection() {
			return new OrgPathCollection("meetings");
		}

		@Bean
		OrgPathCollection interferenceCollection() {
			return new OrgPathCollection("interference_records");
		}

		@Bean
		OrgPathCollection dutyReportsCollection() {
			return new OrgPathCollection("duty_reports");
		}

	}

}
