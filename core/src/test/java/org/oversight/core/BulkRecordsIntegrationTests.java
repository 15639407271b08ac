package org.oversight.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.DomainException;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingCategory;
import org.oversight.core.finding.FindingService;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.FindingStatus;
import org.oversight.core.finding.Severity;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.rectification.OpenTasks;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationMode;
import org.oversight.core.rectification.RectificationService;
import org.oversight.core.rectification.RectificationStatus;
import org.oversight.core.rectification.RectificationTally;
import org.oversight.core.talk.Talk;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.talk.TalkService;
import org.oversight.core.tally.SubtreeTallies;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.doAnswer;

/**
 * The batch writes bulk imports use ({@code recordAll}, {@code registerAll},
 * {@code assignAll}): each command checked as the single command is (the same refusal on
 * the same field), the good ones stored, listed and counted exactly, across concurrent
 * batches too.
 */
@MongoIntegrationTest
class BulkRecordsIntegrationTests {

	static final LocalDate TODAY = TestDatabase.TODAY;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TalkService talks;

	@MockitoSpyBean
	FindingService findings;

	@Autowired
	RectificationService tasks;

	@Autowired
	LookupLists lookups;

	@Autowired
	SubtreeTallies tallies;

	@Autowired
	MongoTemplate mongo;

	Organization province;

	Organization city;

	Organization county;

	Cadre principal;

	Cadre deputy;

	Cadre member;

	@BeforeEach
	void tree() {
		this.province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		this.city = this.fixtures.org("C", OrgLevel.CITY, this.province);
		this.county = this.fixtures.org("X", OrgLevel.COUNTY, this.city);
		this.principal = this.fixtures.cadre("县委书记");
		this.deputy = this.fixtures.cadre("县长");
		this.member = this.fixtures.cadre("常委");
		this.fixtures.appoint(this.principal, this.county, TeamRole.PRINCIPAL, LocalDate.of(2025, 1, 1),
				LocalDate.of(2025, 12, 31));
		this.fixtures.appoint(this.deputy, this.county, TeamRole.DEPUTY, LocalDate.of(2025, 1, 1));
	}

	@Test
	void recordAllRefusesWhatRecordRefusesAndStoresTheRest() {
		String missing = new ObjectId().toHexString();
		List<TalkService.RecordTalk> commands = List.of(
				talk(this.principal.id(), List.of(this.deputy.id()), this.county.id(), LocalDate.of(2026, 3, 1)),
				talk(missing, List.of(this.deputy.id()), this.county.id(), LocalDate.of(2026, 3, 1)),
				talk(this.principal.id(), List.of(this.deputy.id(), missing), this.county.id(),
						LocalDate.of(2026, 3, 1)),
				talk(this.principal.id(), List.of(this.principal.id()), this.county.id(), LocalDate.of(2026, 3, 1)),
				talk(this.principal.id(), List.of(this.deputy.id()), this.county.id(), TODAY.plusDays(1)),
				talk(this.principal.id(), List.of(this.deputy.id()), "not-an-id", LocalDate.of(2026, 3, 1)),
				talk(this.member.id(), List.of(this.deputy.id(), this.principal.id(), this.deputy.id()), this.city.id(),
						LocalDate.of(2026, 4, 1)));

		List<TalkService.Recorded> recorded = this.talks.recordAll(commands);

		assertThat(recorded).extracting((r) -> field(r.refused()))
			.containsExactly(null, "subjectId", "conductedByIds", "conductedByIds", "date", "organizationId", null);
		for (int i = 1; i < 6; i++) {
			TalkService.RecordTalk command = commands.get(i);
			DomainException alone = catchThrowableOfType(DomainException.class, () -> this.talks.record(command));
			assertThat(alone).as("record alone, command %d", i).hasSameClassAs(recorded.get(i).refused());
			assertThat(field(alone)).isEqualTo(field(recorded.get(i).refused()));
		}
		assertThat(this.mongo.count(new Query(), Talk.class)).isEqualTo(2);
		Talk last = this.mongo.findById(recorded.get(6).talk().id(), Talk.class);
		assertThat(last.conductedByIds()).containsExactly(this.deputy.id(), this.principal.id());
		assertThat(last.orgPath()).containsExactly(this.province.id(), this.city.id());
		Talk first = recorded.get(0).talk();
		String principalKey = LookupLists.subjectTalks(this.principal.id(), first.date().getYear(), first.kind());
		String memberKey = LookupLists.subjectTalks(this.member.id(), last.date().getYear(), last.kind());
		assertThat(this.lookups.ids(LookupLists.SUBJECT_TALKS, List.of(principalKey, memberKey)).orElseThrow())
			.containsEntry(principalKey, List.of(first.id()))
			.containsEntry(memberKey, List.of(last.id()));
	}

	@Test
	void registerAllFixesWhetherEachConcernsAPrincipalAndCountsThem() {
		String taken = this.fixtures.finding(this.city, null, Severity.GENERAL, LocalDate.of(2026, 1, 2)).id();
		List<FindingService.Registration> registrations = List.of(
				registration(this.county, this.principal, LocalDate.of(2025, 6, 1), "举报人甲"),
				registration(this.county, this.principal, LocalDate.of(2026, 2, 1), null),
				registration(this.city, this.principal, LocalDate.of(2025, 6, 1), null),
				registration(this.county, this.deputy, LocalDate.of(2025, 6, 1), null),
				registration(this.county, null, TODAY.plusDays(1), null),
				new FindingService.Registration(taken, command(this.county, null, LocalDate.of(2026, 1, 3), null)),
				new FindingService.Registration(new ObjectId().toHexString(),
						new FindingService.RegisterFinding(FindingSource.AUDIT, FindingCategory.INTEGRITY,
								Severity.SERIOUS, "问题描述", this.county.id(), new ObjectId().toHexString(),
								LocalDate.of(2026, 1, 3), null, null)));

		List<FindingService.Registered> registered = this.findings.registerAll(registrations);

		assertThat(registered).extracting((r) -> field(r.refused()))
			.containsExactly(null, null, null, null, "reportedOn", null, "subjectId");
		assertThat(registered.get(5).refused()).isInstanceOf(DomainException.Conflict.class);
		assertThat(registered.subList(0, 4)).extracting((r) -> r.finding().concernsPrincipal())
			.containsExactly(true, false, false, false);
		for (int i = 0; i < 4; i++) {
			Finding stored = this.mongo.findById(registrations.get(i).id(), Finding.class);
			assertThat(stored.concernsPrincipal()).isEqualTo(registered.get(i).finding().concernsPrincipal());
			assertThat(stored.status()).isEqualTo(FindingStatus.OPEN);
		}
		assertThat(this.mongo.findById(taken, Finding.class).reportedOn()).as("the stored one is left alone")
			.isEqualTo(LocalDate.of(2026, 1, 2));
		assertThat(this.findings.informants(registrations.stream().map(FindingService.Registration::id).toList()))
			.containsExactly(java.util.Map.entry(registrations.get(0).id(), "举报人甲"));
		assertThat(this.mongo.count(new Query(), Finding.class)).isEqualTo(5);
		assertThat(this.tallies.rebuild().corrected()).as("the tallies counted exactly what was stored").isZero();
	}

	@Test
	void assignAllReservesItsFindingsAndRecountsThemOnce() {
		Finding open = this.fixtures.finding(this.county, null, Severity.SERIOUS, LocalDate.of(2026, 1, 5));
		Finding other = this.fixtures.finding(this.city, null, Severity.GENERAL, LocalDate.of(2026, 2, 5));
		Finding dismissed = this.fixtures.finding(this.county, null, Severity.GENERAL, LocalDate.of(2026, 2, 5));
		this.findings.dismiss(dismissed.id(), "查无实据");
		List<RectificationService.AssignRectification> commands = List.of(
				assign(open, this.county, TODAY.minusDays(3), "措施一"),
				assign(open, this.county, TODAY.plusDays(30), "措施二"),
				assign(open, this.county, LocalDate.of(2026, 1, 4), "早于发现日期"),
				assign(other, this.city, TODAY.minusDays(1), "措施三"), assign(dismissed, this.county, TODAY, "已澄清"),
				assign(other.id(), new ObjectId().toHexString(), TODAY, "无此单位"));

		List<RectificationService.Assigned> assigned = this.tasks.assignAll(commands);

		assertThat(assigned).extracting((r) -> field(r.refused()))
			.containsExactly(null, null, "deadline", null, null, "responsibleOrganizationId");
		assertThat(assigned.get(4).refused()).isInstanceOf(DomainException.Conflict.class);
		Finding openAfter = this.mongo.findById(open.id(), Finding.class);
		assertThat(openAfter.tasks()).isEqualTo(2);
		assertThat(openAfter.status()).isEqualTo(FindingStatus.UNDER_RECTIFICATION);
		assertThat(openAfter.version()).as("reserved once for its two tasks").isEqualTo(open.version() + 1);
		assertThat(this.mongo.findById(other.id(), Finding.class).tasks()).isEqualTo(1);
		assertThat(this.mongo.findById(dismissed.id(), Finding.class).tasks()).isZero();
		Rectification late = assigned.get(0).task();
		assertThat(this.lookups.ids(OpenTasks.LIST, List.of(this.province.id() + "|" + late.deadline()))
			.orElseThrow()
			.get(this.province.id() + "|" + late.deadline())).contains(late.id());
		assertThat(this.tallies.rebuild().corrected()).as("the tallies counted exactly what was stored").isZero();
	}

	@Test
	void findingsDismissedBeforeTheirReservationRefuseTheirTasks() {
		Finding kept = this.fixtures.finding(this.county, null, Severity.SERIOUS, LocalDate.of(2026, 1, 5));
		Finding dismissed = this.fixtures.finding(this.county, null, Severity.GENERAL, LocalDate.of(2026, 2, 5));
		this.findings.dismiss(dismissed.id(), "查无实据");

		assertThat(this.findings.reserveForTasks(List.of(kept.id(), dismissed.id()))).containsExactly(dismissed.id());
		assertThat(this.mongo.findById(kept.id(), Finding.class).version()).isEqualTo(kept.version() + 1);
		assertThat(this.findings.reserveForTasks(List.of(kept.id()))).isEmpty();
	}

	@Test
	void aFindingDismissedWhileItsTasksAreStoredGetsNoneOfThem() {
		Finding dismissedMeanwhile = this.fixtures.finding(this.county, null, Severity.SERIOUS,
				LocalDate.of(2026, 1, 5));
		Finding kept = this.fixtures.finding(this.county, null, Severity.GENERAL, LocalDate.of(2026, 1, 6));
		// a dismissal that counted no tasks before they were stored, and wrote before
		// the reservation
		int[] calls = { 0 };
		doAnswer((invocation) -> {
			if (++calls[0] == 1) {
				this.mongo.updateFirst(Query.query(Criteria.where("_id").is(dismissedMeanwhile.id())),
						new Update().set("status", FindingStatus.DISMISSED), Finding.class);
			}
			return invocation.callRealMethod();
		}).when(this.findings).reserveForTasks(anyCollection());

		List<RectificationService.Assigned> assigned = this.tasks
			.assignAll(List.of(assign(dismissedMeanwhile, this.county, TODAY.minusDays(1), "措施一"),
					assign(kept, this.county, TODAY.minusDays(1), "措施二"),
					assign(dismissedMeanwhile, this.county, TODAY.plusDays(9), "措施三")));

		assertThat(assigned).extracting((r) -> r.refused() instanceof DomainException.Conflict)
			.containsExactly(true, false, true);
		assertThat(this.mongo.find(Query.query(Criteria.where("findingId").is(dismissedMeanwhile.id())),
				Rectification.class))
			.isEmpty();
		assertThat(this.mongo.findById(kept.id(), Finding.class).tasks()).isEqualTo(1);
		assertThat(this.tallies.count(RectificationTally.of(null, TODAY), List.of(this.county.id())).orElseThrow())
			.as("only the kept task counted")
			.containsEntry(this.county.id(), 1L);
	}

	@Test
	void concurrentBatchesOnTheSameFindingsLeaveEveryCountExact() throws Exception {
		List<Finding> shared = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			shared.add(this.fixtures.finding((i % 2 == 0) ? this.county : this.city, null, Severity.GENERAL,
					LocalDate.of(2026, 1, 1 + i)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<RectificationService.Assigned>>> batches = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int thread = t;
				batches.add(pool.submit(() -> {
					List<RectificationService.AssignRectification> commands = new ArrayList<>();
					for (int i = 0; i < 12; i++) {
						Finding finding = shared.get(i % shared.size());
						commands.add(assign(finding, this.county, TODAY.plusDays(i - 6), "措施 " + thread + "-" + i));
					}
					return this.tasks.assignAll(commands);
				}));
			}
			for (Future<List<RectificationService.Assigned>> batch : batches) {
				assertThat(batch.get()).extracting(RectificationService.Assigned::refused).containsOnlyNulls();
			}
		}
		finally {
			pool.shutdown();
		}
		for (Finding finding : shared) {
			Finding after = this.mongo.findById(finding.id(), Finding.class);
			long stored = this.mongo.count(Query.query(Criteria.where("findingId").is(finding.id())),
					Rectification.class);
			assertThat(stored).isEqualTo(8);
			assertThat(after.tasks()).as("tasks of %s", finding.id()).isEqualTo(8);
			assertThat(after.status()).isEqualTo(FindingStatus.UNDER_RECTIFICATION);
		}
		assertThat(this.mongo.count(Query.query(Criteria.where("status").is(RectificationStatus.ASSIGNED)),
				Rectification.class))
			.isEqualTo(48);
		assertThat(this.tallies.rebuild().corrected()).isZero();
	}

	private static String field(DomainException ex) {
		if (ex instanceof DomainException.Invalid invalid) {
			return invalid.field();
		}
		if (ex instanceof DomainException.NotFound notFound) {
			return notFound.field();
		}
		return null;
	}

	private static TalkService.RecordTalk talk(String subjectId, List<String> conductors, String organizationId,
			LocalDate date) {
		return new TalkService.RecordTalk(TalkKind.SUPERVISION, date, subjectId, conductors, organizationId, "谈话摘要",
				List.of("问题一"));
	}

	private static FindingService.RegisterFinding command(Organization organization, Cadre subject,
			LocalDate reportedOn, String informant) {
		return new FindingService.RegisterFinding(FindingSource.INSPECTION, FindingCategory.WORK_STYLE,
				Severity.GENERAL, "问题描述", organization.id(), (subject != null) ? subject.id() : null, reportedOn, null,
				informant);
	}

	private static FindingService.Registration registration(Organization organization, Cadre subject,
			LocalDate reportedOn, String informant) {
		return new FindingService.Registration(new ObjectId().toHexString(),
				command(organization, subject, reportedOn, informant));
	}

	private static RectificationService.AssignRectification assign(Finding finding, Organization organization,
			LocalDate deadline, String measures) {
		return assign(finding.id(), organization.id(), deadline, measures);
	}

	private static RectificationService.AssignRectification assign(String findingId, String organizationId,
			LocalDate deadline, String measures) {
		return new RectificationService.AssignRectification(findingId, organizationId, null, RectificationMode.DEADLINE,
				measures, deadline);
	}

}
