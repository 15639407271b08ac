package org.oversight.core.tally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingCategory;
import org.oversight.core.finding.FindingFilter;
import org.oversight.core.finding.FindingService;
import org.oversight.core.finding.FindingStatus;
import org.oversight.core.finding.FindingTally;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationFilter;
import org.oversight.core.rectification.RectificationService;
import org.oversight.core.rectification.RectificationStatus;
import org.oversight.core.rectification.RectificationTally;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subtree tallies against the records themselves: after every kind of write, for
 * every organization and a set of filters, the tally's count equals a count of the
 * records.
 */
@MongoIntegrationTest
@Import(SubtreeTalliesIntegrationTests.Probe.class)
class SubtreeTalliesIntegrationTests {

	static final LocalDate TODAY = TestDatabase.TODAY;

	@Autowired
	SubtreeTallies tallies;

	@Autowired
	Fixtures fixtures;

	@Autowired
	RectificationService tasks;

	@Autowired
	FindingService findings;

	@Autowired
	OrganizationService organizations;

	@Autowired
	MongoTemplate mongo;

	Organization province;

	Organization city1;

	Organization city2;

	Organization county;

	List<Organization> all;

	@BeforeEach
	void tree() {
		this.province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		this.city1 = this.fixtures.org("C1", OrgLevel.CITY, this.province);
		this.city2 = this.fixtures.org("C2", OrgLevel.CITY, this.province);
		this.county = this.fixtures.org("X", OrgLevel.COUNTY, this.city1);
		this.all = List.of(this.province, this.city1, this.city2, this.county);
	}

	@AfterEach
	void disarm() {
		Probe.duringRebuild.set(null);
	}

	@Test
	void countsFollowEveryWrite() {
		Finding a = this.fixtures.finding(this.county, null, Severity.SERIOUS, LocalDate.of(2026, 1, 5));
		Finding b = this.fixtures.finding(this.city2, null, Severity.GENERAL, LocalDate.of(2026, 2, 5));
		Finding c = this.fixtures.finding(this.county, null, Severity.EARLY_SIGN, LocalDate.of(2026, 3, 5));
		assertExact();
		Rectification late = this.fixtures.task(a, this.county, TODAY.minusDays(10));
		Rectification due = this.fixtures.task(a, this.county, TODAY.plusDays(10));
		Rectification other = this.fixtures.task(b, this.city2, TODAY.minusDays(1));
		assertExact();
		late = this.tasks.reportProgress(late.id(), "开始整改", late.version());
		other = this.tasks.reportProgress(other.id(), "开始整改", other.version());
		other = this.tasks.submit(other.id(), "整改报告", TODAY, other.version());
		assertExact();
		other = this.tasks.verify(other.id(), true, "验收", TODAY, null, other.version());
		due = this.tasks.extendDeadline(due.id(), TODAY.plusDays(40), "延期", due.version());
		assertExact();
		late = this.tasks.reassign(late.id(), this.city2.id(), null, late.version());
		assertExact();
		late = this.tasks.submit(late.id(), "报告", TODAY, late.version());
		late = this.tasks.verify(late.id(), false, "退回", TODAY, null, late.version());
		assertExact();
		this.findings.correct(c.id(),
				new FindingService.CorrectFinding(FindingCategory.INTEGRITY, Severity.SERIOUS, null, null));
		this.findings.dismiss(c.id(), "查无实据");
		assertExact();
		assertThat(this.mongo.findById(b.id(), Finding.class).status()).isEqualTo(FindingStatus.RECTIFIED);
		assertThat(count(this.province, RectificationTally.of(overdue(true), TODAY))).isEqualTo(1);
	}

	@Test
	void readersCountThemselvesUntilTheFirstRebuild() {
		this.fixtures.finding(this.county, null, Severity.SERIOUS, LocalDate.of(2026, 1, 5));
		this.mongo.getCollection(SubtreeTallies.COLLECTION).deleteOne(Filters.eq("_id", SubtreeTallies.BUILT));
		assertThat(this.tallies.built()).isFalse();
		assertThat(this.tallies.count(FindingTally.of(null), List.of(this.county.id()))).isEmpty();
		this.tallies.rebuild();
		assertThat(this.tallies.count(FindingTally.of(null), List.of(this.county.id())).orElseThrow())
			.containsEntry(this.county.id(), 1L);
	}

	@Test
	void aRebuildCorrectsDriftAndThenFindsNothingToDo() {
		Finding a = this.fixtures.finding(this.county, null, Severity.SERIOUS, LocalDate.of(2026, 1, 5));
		this.fixtures.task(a, this.county, TODAY.minusDays(3));
		var collection = this.mongo.getCollection(SubtreeTallies.COLLECTION);
		collection.updateOne(Filters.eq("_id", this.city1.id()),
				new Document("$inc", new Document("tasks.ASSIGNED.2020-01-01", 5)));
		collection.deleteOne(Filters.eq("_id", this.county.id()));
		assertThat(count(this.city1, RectificationTally.of(null, TODAY))).isEqualTo(6);
		SubtreeTallies.Rebuild first = this.tallies.rebuild();
		assertThat(first.corrected()).isEqualTo(2);
		assertThat(first.skipped()).isZero();
		assertExact();
		assertThat(this.tallies.rebuild().corrected()).isZero();
	}

	@Test
	void aCountIsSummedAgainOnlyWhenItsTallyChanged() {
		Finding a = this.fixtures.finding(this.county, null, Severity.SERIOUS, LocalDate.of(2026, 1, 5));
		this.fixtures.task(a, this.county, TODAY.minusDays(3));
		TallyFilter all = RectificationTally.of(null, TODAY);
		assertThat(count(this.city1, all)).isEqualTo(1);
		var collection = this.mongo.getCollection(SubtreeTallies.COLLECTION);
		// a count changed without its revision, which no writer does: the sum kept stands
		collection.updateOne(Filters.eq("_id", this.city1.id()),
				new Document("$inc", new Document("tasks.ASSIGNED.2020-01-01", 5)));
		assertThat(count(this.city1, all)).isEqualTo(1);
		assertThat(count(this.city1, RectificationTally.of(overdue(true), TODAY))).as("another filter: summed")
			.isEqualTo(6);
		// with its revision, as every writer does: summed again
		collection.updateOne(Filters.eq("_id", this.city1.id()), new Document("$inc", new Document("rev", 1L)));
		assertThat(count(this.city1, all)).isEqualTo(6);
		// a rebuild corrects the document and is a new generation
		this.tallies.rebuild();
		assertThat(count(this.city1, all)).isEqualTo(1);
		this.fixtures.task(a, this.city1, TODAY.plusDays(3));
		assertThat(count(this.city1, all)).isEqualTo(2);
		assertExact();
	}

	@Test
	void aRebuildRewritesTalliesOfAnEarlierLayout() {
		Finding a = this.fixtures.finding(this.county, null, Severity.SERIOUS, LocalDate.of(2026, 1, 5));
		this.fixtures.task(a, this.county, TODAY.minusDays(3));
		var collection = this.mongo.getCollection(SubtreeTallies.COLLECTION);
		// layout 1 kept the keys flat
		collection.updateOne(Filters.eq("_id", SubtreeTallies.BUILT), new Document("$set", new Document("schema", 1)));
		collection.updateOne(Filters.eq("_id", this.county.id()),
				new Document("$set", new Document("tasks", new Document("ASSIGNED|" + TODAY.minusDays(3), 1L))));
		assertThat(this.tallies.built()).isFalse();
		assertThat(this.tallies.count(RectificationTally.of(null, TODAY), List.of(this.county.id()))).isEmpty();
		SubtreeTallies.Rebuild rebuild = this.tallies.rebuild();
		assertThat(rebuild.corrected()).isEqualTo(rebuild.organizations());
		assertThat(collection.find(Filters.eq("_id", this.county.id())).first().get("tasks", Document.class))
			.containsKey("ASSIGNED");
		assertExact();
	}

	@Test
	void aRebuildNeverOverwritesAChangeCountedWhileItRan() {
		Finding a = this.fixtures.finding(this.county, null, Severity.SERIOUS, LocalDate.of(2026, 1, 5));
		this.fixtures.task(a, this.county, TODAY.minusDays(3));
		List<String> path = this.county.path();
		this.mongo.getCollection(SubtreeTallies.COLLECTION)
			.updateOne(Filters.eq("_id", this.county.id()),
					new Document("$inc", new Document("tasks.ASSIGNED.2020-01-01", 5)));
		// the county's document is off, so the rebuild will correct it; a task counted
		// after
		// the rebuild read the tallies and before it writes them is missing from its
		// figures, so it must leave the changed documents alone
		Probe.duringRebuild.set(() -> this.tallies.changed(RectificationTally.SOURCE, null,
				new SubtreeTallies.Counted(path, "ASSIGNED|2026-06-01")));
		SubtreeTallies.Rebuild rebuild = this.tallies.rebuild();
		assertThat(rebuild.skipped()).isEqualTo(1);
		assertThat(rebuild.corrected()).isZero();
		assertThat(count(this.county, RectificationTally.of(null, TODAY))).isEqualTo(1 + 5 + 1);
		assertThat(count(this.province, RectificationTally.of(null, TODAY))).isEqualTo(1 + 1);
		assertThat(Probe.duringRebuild.get()).isNull();
		assertThat(this.tallies.rebuild().corrected()).isEqualTo(path.size());
		assertExact();
	}

	@Test
	void concurrentWritersKeepTheCountsExact() throws Exception {
		Finding a = this.fixtures.finding(this.county, null, Severity.SERIOUS, LocalDate.of(2026, 1, 5));
		List<Rectification> created = new ArrayList<>();
		List<Finding> fresh = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			created.add(this.fixtures.task(a, this.county, TODAY.minusDays(i)));
			fresh.add(this.fixtures.finding(this.city2, null, Severity.GENERAL, LocalDate.of(2026, 2, 1)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int i = 0; i < created.size(); i++) {
			Rectification task = created.get(i);
			Finding finding = fresh.get(i);
			done.add(pool.submit(() -> {
				start.await();
				Rectification t = this.tasks.reportProgress(task.id(), "进展", task.version());
				t = this.tasks.submit(t.id(), "报告", TODAY, t.version());
				this.tasks.verify(t.id(), true, "验收", TODAY, null, t.version());
				return null;
			}));
			done.add(pool.submit(() -> {
				start.await();
				this.fixtures.task(finding, this.city2, TODAY.plusDays(5));
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();
		assertExact();
		assertThat(count(this.province, RectificationTally.of(status(RectificationStatus.VERIFIED), TODAY)))
			.isEqualTo(8);
	}

	@Test
	void aMoveRecountsTheSubtrees() {
		Finding a = this.fixtures.finding(this.county, null, Severity.SERIOUS, LocalDate.of(2026, 1, 5));
		this.fixtures.task(a, this.county, TODAY.minusDays(3));
		this.organizations.move(this.county.id(), this.city2.id());
		assertThat(count(this.city1, RectificationTally.of(null, TODAY))).isZero();
		assertThat(count(this.city2, RectificationTally.of(null, TODAY))).isEqualTo(1);
		assertThat(count(this.city2, FindingTally.of(null))).isEqualTo(1);
		assertExact();
	}

	private void assertExact() {
		List<RectificationFilter> taskFilters = List.of(RectificationFilter.none(), overdue(true), overdue(false),
				status(RectificationStatus.ASSIGNED, RectificationStatus.IN_PROGRESS, RectificationStatus.SUBMITTED),
				status(RectificationStatus.VERIFIED),
				new RectificationFilter(null, null, TODAY, null, TODAY.minusDays(5), TODAY.plusDays(20), null));
		List<FindingFilter> findingFilters = List.of(FindingFilter.none(),
				new FindingFilter(List.of(FindingStatus.OPEN, FindingStatus.DISMISSED), null, null, null, null, null,
						null, null, null),
				new FindingFilter(null, null, List.of(Severity.SERIOUS), null, null, null,
						List.of(FindingCategory.INTEGRITY, FindingCategory.WORK_STYLE), null, null));
		for (Organization org : this.all) {
			String id = this.mongo.findById(org.id(), Organization.class).id();
			for (RectificationFilter filter : taskFilters) {
				long truth = this.mongo.count(
						Query.query(
								new Criteria().andOperator(Criteria.where("orgPath").is(id), filter.criteria(TODAY))),
						Rectification.class);
				assertThat(count(org, RectificationTally.of(filter, TODAY))).as("%s tasks %s", org.code(), filter)
					.isEqualTo(truth);
			}
			for (FindingFilter filter : findingFilters) {
				long truth = this.mongo.count(
						Query.query(new Criteria().andOperator(Criteria.where("orgPath").is(id), filter.criteria())),
						Finding.class);
				assertThat(count(org, FindingTally.of(filter))).as("%s findings %s", org.code(), filter)
					.isEqualTo(truth);
			}
		}
	}

	private long count(Organization org, TallyFilter filter) {
		return this.tallies.count(filter, List.of(org.id())).orElseThrow().get(org.id());
	}

	private static RectificationFilter overdue(boolean overdue) {
		return new RectificationFilter(null, overdue, null, null, null, null, null);
	}

	private static RectificationFilter status(RectificationStatus... statuses) {
		return new RectificationFilter(List.of(statuses), null, null, null, null, null, null);
	}

	/** A source that runs a change while a rebuild counts, when armed. */
	@TestConfiguration
	static class Probe {

		static final AtomicReference<Runnable> duringRebuild = new AtomicReference<>();

		@Bean
		TallySource probeSource() {
			return new TallySource() {

				@Override
				public String name() {
					return "probe";
				}

				@Override
				public String collection() {
					return "probe_records";
				}

				@Override
				public Document keyExpression() {
					Runnable change = duringRebuild.getAndSet(null);
					if (change != null) {
						change.run();
					}
					return new Document("$literal", "any");
				}

			};
		}

	}

}
