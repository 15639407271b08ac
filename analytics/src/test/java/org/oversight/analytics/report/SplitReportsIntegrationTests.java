package org.oversight.analytics.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.oversight.analytics.Scenario;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.Actor;
import org.oversight.core.common.DomainException;
import org.oversight.core.demo.DemoDataLoader;
import org.oversight.core.demo.DemoProvince;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.Severity;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reports written only where their content changed, and the job split into partitions
 * giving the reports of one whole run, byte for byte.
 */
@MongoIntegrationTest
class SplitReportsIntegrationTests {

	@Autowired
	Scenario scenario;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DemoProvince demo;

	@Autowired
	EcologyReportService service;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	org.oversight.core.organization.OrganizationService organizations;

	@Autowired
	TestDatabase.MutableClock clock;

	/** The stored reports by id, as documents. */
	Map<String, Document> stored() {
		Map<String, Document> all = new TreeMap<>();
		this.mongo.findAll(Document.class, "ecology_reports").forEach((d) -> all.put(d.getString("_id"), d));
		return all;
	}

	/** The stored reports by id, without when each was computed. */
	Map<String, Document> contents() {
		Map<String, Document> all = stored();
		all.values().forEach((d) -> d.remove("generatedAt"));
		return all;
	}

	void forgetReports() {
		this.mongo.getCollection("ecology_reports").deleteMany(new Document());
		this.mongo.getCollection(RollUp.COLLECTION).deleteMany(new Document());
	}

	/** The split job: every partition (at once, one thread each), then the roots. */
	void split(int year, int partitions) throws Exception {
		EcologyReportService.Split split = this.service.split(partitions);
		ExecutorService threads = Executors.newFixedThreadPool(split.partitions().size());
		try {
			List<CompletableFuture<EcologyReportService.Summary>> runs = new ArrayList<>();
			for (List<String> roots : split.partitions()) {
				runs.add(CompletableFuture.supplyAsync(() -> this.service.generatePartition(year, roots), threads));
			}
			for (CompletableFuture<EcologyReportService.Summary> run : runs) {
				run.get();
			}
		}
		finally {
			threads.shutdown();
		}
		for (String top : split.tops()) {
			this.service.generateTop(year, top);
		}
	}

	@Test
	void changedInputRewritesExactlyTheAffectedReports() {
		Scenario s = this.scenario.build();
		this.service.generate(2025, null);
		Map<String, Document> before = stored();
		this.clock.setDate(LocalDate.of(2026, 6, 16));
		s.register(s.township, null, FindingSource.INSPECTION, Severity.EARLY_SIGN, LocalDate.of(2025, 10, 1), null);
		EcologyReportService.Summary summary = this.service.generate(2025, null);
		Map<String, Document> after = stored();
		List<String> changed = new ArrayList<>();
		for (String id : after.keySet()) {
			Document was = new Document(before.get(id));
			Document now = new Document(after.get(id));
			Object wasAt = was.remove("generatedAt");
			Object nowAt = now.remove("generatedAt");
			if (was.equals(now)) {
				// not rewritten: when it was computed stays
				assertThat(nowAt).as(id).isEqualTo(wasAt);
			}
			else {
				assertThat(nowAt).as(id).isNotEqualTo(wasAt);
				changed.add(id);
			}
		}
		// the township and everything above it got the finding; the other county only if
		// its rank moved
		assertThat(changed).contains(s.township.id() + ":2025", s.x1.id() + ":2025", s.city.id() + ":2025");
		assertThat(summary.written()).isEqualTo(changed.size());
	}

	@Test
	void partitionsThenTheRootGiveTheReportsOfOneWholeRun() throws Exception {
		Scenario s = this.scenario.build();
		// x2P also sits in the township's team, and x1P, principal above that post only,
		// talked to them: the talk counts through a post outside X2's subtree
		this.fixtures.appoint(s.x2P, s.township, TeamRole.MEMBER, LocalDate.of(2025, 1, 1));
		s.talk(TalkKind.SUPERVISION, "2025-06-01", s.x2P, s.x1P, s.x2);
		this.service.generate(2024, null);
		this.service.generate(2025, null);
		Map<String, Document> whole = contents();
		assertThat(whole.get(s.x2.id() + ":2025").get("figures", Document.class).get("principalsWithSupervisionTalk"))
			.isEqualTo(1L);
		forgetReports();
		this.service.generate(2024, null);
		EcologyReportService.Split split = this.service.split(2);
		assertThat(split.partitions()).containsExactly(List.of(s.x1.id()), List.of(s.x2.id()));
		assertThat(split.tops()).containsExactly(s.city.id());
		split(2025, 2);
		assertThat(contents()).isEqualTo(whole);
		assertThat(this.service.generate(2025, null).written()).isZero();
	}

	@Test
	void theDemoProvinceSplitGivesTheReportsOfOneWholeRun() throws Exception {
		Actor.as("demo", () -> this.demo.load(1, DemoDataLoader.SEED));
		this.service.generate(2024, null);
		this.service.generate(2025, null);
		Map<String, Document> whole = contents();
		forgetReports();
		this.service.generate(2024, null);
		split(2025, 3);
		Map<String, Document> split = contents();
		assertThat(split.keySet()).isEqualTo(whole.keySet());
		for (String id : whole.keySet()) {
			assertThat(split.get(id)).as(id).isEqualTo(whole.get(id));
		}
		// a partition again, alone: its reports and its peers' ranks stay right
		String someRoot = this.service.split(3).partitions().get(0).get(0);
		assertThat(this.service.generatePartition(2025, List.of(someRoot)).written()).isZero();
		assertThat(this.service.generate(2025, null).written()).isZero();
	}

	@Test
	void theRootNeedsItsChildrensRollUps() {
		Scenario s = this.scenario.build();
		this.service.generatePartition(2025, List.of(s.x1.id()));
		assertThatThrownBy(() -> this.service.generateTop(2025, s.city.id()))
			.isInstanceOfSatisfying(DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("under"))
			.hasMessageContaining("X2");
		assertThat(this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), "ecology_reports"))
			.as("the partition's two reports only")
			.isEqualTo(2);
	}

	@Test
	void aRollUpComputedUnderAnotherParentIsNotUsed() {
		Scenario s = this.scenario.build();
		this.service.generatePartition(2025, List.of(s.township.id()));
		this.service.generateTop(2025, s.x1.id());
		// the township moves under X2 after its roll-up was stored under X1
		this.organizations.move(s.township.id(), s.x2.id());
		assertThatThrownBy(() -> this.service.generateTop(2025, s.x2.id()))
			.isInstanceOfSatisfying(DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("under"))
			.hasMessageContaining("computed under this parent");
	}

	@Test
	void overlappingSubtreesAreRefused() {
		Scenario s = this.scenario.build();
		assertThatThrownBy(() -> this.service.generatePartition(2025, List.of(s.x1.id(), s.township.id())))
			.isInstanceOfSatisfying(DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("roots"));
		assertThatThrownBy(() -> this.service.generatePartition(2025, List.of()))
			.isInstanceOf(DomainException.Invalid.class);
		assertThat(this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), "ecology_reports"))
			.isZero();
	}

}
