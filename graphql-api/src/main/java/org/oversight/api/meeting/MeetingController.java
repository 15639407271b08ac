package org.oversight.api.meeting;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import org.oversight.api.graphql.CadreNode;
import org.oversight.api.graphql.Loaders;
import org.oversight.api.graphql.OrgNode;
import org.oversight.api.viewer.Right;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.meeting.DemocraticLifeMeeting;
import org.oversight.core.meeting.DutyReport;
import org.oversight.core.meeting.InterferenceRecord;
import org.oversight.core.meeting.RecordsService;
import org.oversight.core.organization.OrganizationService;

/** Democratic life meetings, interference records and duty reports. */
@Controller
class MeetingController {

	private final RecordsService records;

	private final OrganizationService organizations;

	MeetingController(RecordsService records, OrganizationService organizations, MongoTemplate mongo,
			BatchLoaderRegistry registry) {
		this.records = records;
		this.organizations = organizations;
		Loaders.<YearKey, List<DemocraticLifeMeeting>>keyed(registry, "meetingsOf",
				(keys, viewer) -> byYear(mongo, keys, DemocraticLifeMeeting.class, "date",
						DemocraticLifeMeeting::organizationId,
						Comparator.comparing(DemocraticLifeMeeting::date).thenComparing(DemocraticLifeMeeting::id)));
		Loaders.<YearKey, List<InterferenceRecord>>keyed(registry, "interferenceOf",
				(keys, viewer) -> byYear(mongo, keys, InterferenceRecord.class, "date",
						InterferenceRecord::organizationId,
						Comparator.comparing(InterferenceRecord::date).thenComparing(InterferenceRecord::id)));
		Loaders.<YearKey, List<DutyReport>>keyed(registry, "dutyReportsOf", (keys, viewer) -> {
			Map<YearKey, List<DutyReport>> result = new LinkedHashMap<>();
			Map<Integer, List<YearKey>> years = keys.stream().collect(Collectors.groupingBy(YearKey::year));
			years.forEach((year, members) -> {
				Map<String, List<DutyReport>> found = mongo
					.find(Query.query(Criteria.where("organizationId")
						.in(members.stream().map(YearKey::organizationId).toList())
						.and("year")
						.is(year)), DutyReport.class)
					.stream()
					.sorted(Comparator.comparing(DutyReport::deliveredOn).thenComparing(DutyReport::id))
					.collect(Collectors.groupingBy(DutyReport::organizationId));
				members.forEach((key) -> result.put(key, found.getOrDefault(key.organizationId(), List.of())));
			});
			return result;
		});
	}

	record YearKey(String organizationId, int year) {
	}

	private static <T> Map<YearKey, List<T>> byYear(MongoTemplate mongo, java.util.Set<YearKey> keys, Class<T> type,
			String dateField, java.util.function.Function<T, String> organizationOf, Comparator<T> order) {
		Map<YearKey, List<T>> result = new LinkedHashMap<>();
		keys.stream().collect(Collectors.groupingBy(YearKey::year)).forEach((year, members) -> {
			Map<String, List<T>> found = mongo
				.find(Query.query(Criteria.where("organizationId")
					.in(members.stream().map(YearKey::organizationId).toList())
					.and(dateField)
					.gte(LocalDate.of(year, 1, 1))
					.lte(LocalDate.of(year, 12, 31))), type)
				.stream()
				.sorted(order)
				.collect(Collectors.groupingBy(organizationOf));
			members.forEach((key) -> result.put(key, found.getOrDefault(key.organizationId(), List.of())));
		});
		return result;
	}

	@MutationMapping
	DemocraticLifeMeeting recordMeeting(@Argument RecordsService.RecordMeeting input, @ContextValue Viewer viewer) {
		viewer.require(Right.RECORD_MEETINGS);
		viewer.requireInScope(this.organizations.get("organizationId", input.organizationId()).path());
		return this.records.recordMeeting(input);
	}

	@MutationMapping
	InterferenceRecord recordInterference(@Argument RecordsService.RecordInterference input,
			@ContextValue Viewer viewer) {
		viewer.require(Right.RECORD_MEETINGS);
		viewer.requireInScope(this.organizations.get("organizationId", input.organizationId()).path());
		return this.records.recordInterference(input);
	}

	@MutationMapping
	DutyReport deliverDutyReport(@Argument RecordsService.DeliverDutyReport input, @ContextValue Viewer viewer) {
		viewer.require(Right.RECORD_MEETINGS);
		viewer.requireInScope(this.organizations.get("organizationId", input.organizationId()).path());
		return this.records.deliverDutyReport(input);
	}

	@SchemaMapping(typeName = "Organization")
	CompletableFuture<List<DemocraticLifeMeeting>> meetings(OrgNode organization, @Argument int year,
			DataLoader<YearKey, List<DemocraticLifeMeeting>> meetingsOf) {
		return organization.visible() ? meetingsOf.load(new YearKey(organization.id(), year))
				: CompletableFuture.completedFuture(List.of());
	}

	@SchemaMapping(typeName = "Organization")
	CompletableFuture<List<InterferenceRecord>> interferenceRecords(OrgNode organization, @Argument int year,
			DataLoader<YearKey, List<InterferenceRecord>> interferenceOf) {
		return organization.visible() ? interferenceOf.load(new YearKey(organization.id(), year))
				: CompletableFuture.completedFuture(List.of());
	}

	@SchemaMapping(typeName = "Organization")
	CompletableFuture<List<DutyReport>> dutyReports(OrgNode organization, @Argument int year,
			DataLoader<YearKey, List<DutyReport>> dutyReportsOf) {
		return organization.visible() ? dutyReportsOf.load(new YearKey(organization.id(), year))
				: CompletableFuture.completedFuture(List.of());
	}

	@SchemaMapping(typeName = "DemocraticLifeMeeting")
	CompletableFuture<OrgNode> organization(DemocraticLifeMeeting meeting,
			DataLoader<String, OrgNode> organizationById) {
		return organizationById.load(meeting.organizationId());
	}

	@SchemaMapping(typeName = "DemocraticLifeMeeting")
	CompletableFuture<OrgNode> themeApprovedBy(DemocraticLifeMeeting meeting,
			DataLoader<String, OrgNode> organizationById) {
		return (meeting.themeApprovedById() != null) ? organizationById.load(meeting.themeApprovedById())
				: CompletableFuture.completedFuture(null);
	}

	@SchemaMapping(typeName = "DemocraticLifeMeeting")
	CompletableFuture<List<CadreNode>> upperLevelAttendees(DemocraticLifeMeeting meeting,
			DataLoader<String, CadreNode> cadreById) {
		return cadreById.loadMany(meeting.upperLevelAttendeeIds());
	}

	@SchemaMapping(typeName = "InterferenceRecord")
	CompletableFuture<OrgNode> organization(InterferenceRecord record, DataLoader<String, OrgNode> organizationById) {
		return organizationById.load(record.organizationId());
	}

	@SchemaMapping(typeName = "InterferenceRecord")
	CompletableFuture<CadreNode> cadre(InterferenceRecord record, DataLoader<String, CadreNode> cadreById) {
		return cadreById.load(record.cadreId());
	}

	@SchemaMapping(typeName = "DutyReport")
	CompletableFuture<OrgNode> organization(DutyReport report, DataLoader<String, OrgNode> organizationById) {
		return organizationById.load(report.organizationId());
	}

	@SchemaMapping(typeName = "DutyReport")
	CompletableFuture<CadreNode> cadre(DutyReport report, DataLoader<String, CadreNode> cadreById) {
		return cadreById.load(report.cadreId());
	}

}
