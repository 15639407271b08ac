package org.oversight.api.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;
import org.oversight.api.test.CommandCounter;
import org.oversight.api.viewer.Role;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.Severity;
import org.oversight.core.mongo.WriteEpochs;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query asked again is answered with the answer kept from the last time, until a
 * collection it was read from is written, by this process or another; each viewer and day
 * has its own.
 */
@ApiIntegrationTest
@Import(CommandCounter.Registration.class)
class KeptResponsesIntegrationTests extends ApiTestSupport {

	static final String OVERVIEW = """
			query($id: ID!) {
			  organization(id: $id) {
			    code name principal { name }
			    children { code name vacant principal { name }
			      overdue: rectifications(includeDescendants: true, filter: { overdue: true }) { totalCount }
			      findings(includeDescendants: true) { totalCount } }
			  }
			}""";

	static final String OVERDUE = """
			query($under: ID) {
			  rectifications(under: $under, filter: { overdue: true }, first: 20) {
			    totalCount edges { node { id deadline daysOverdue responsibleOrganization { code } } }
			  }
			}""";

	@Autowired
	CommandCounter counter;

	@Autowired
	WriteEpochs epochs;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	KeptResponses kept;

	Organization province;

	Organization city;

	Organization county;

	Cadre countyPrincipal;

	@BeforeEach
	void provinceWithOneOverdueTask() {
		this.province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		this.city = this.fixtures.org("C", OrgLevel.CITY, this.province);
		this.county = this.fixtures.org("X", OrgLevel.COUNTY, this.city);
		this.fixtures.appoint(this.fixtures.cadre("市委书记"), this.city, TeamRole.PRINCIPAL, LocalDate.of(2020, 1, 1));
		this.countyPrincipal = this.fixtures.cadre("县委书记");
		this.fixtures.appoint(this.countyPrincipal, this.county, TeamRole.PRINCIPAL, LocalDate.of(2022, 1, 1));
		Finding finding = this.fixtures.finding(this.county, this.countyPrincipal, Severity.GENERAL,
				LocalDate.of(2026, 1, 1));
		this.fixtures.task(finding, this.county, TestDatabase.TODAY.minusDays(5));
	}

	String ask(GraphQlTester tester, String document, String variable, String id) {
		this.counter.reset();
		return tester.document(document)
			.variable(variable, id)
			.execute()
			.errors()
			.verify()
			.path("")
			.entity(Object.class)
			.get()
			.toString();
	}

	String overview() {
		return ask(admin(), OVERVIEW, "id", this.province.id());
	}

	/** Only the stamp of everything, and the account signing in, were read. */
	void assertKept() {
		assertThat(this.counter.byCommand()).as("kept: %s", this.counter.byCommand())
			.containsOnlyKeys("find write_epochs", "find accounts");
		assertThat(this.counter.byCommand().get("find write_epochs")).hasValue(1);
	}

	void assertComputed() {
		assertThat(this.counter.byCommand()).as("computed").containsKey("find organizations");
	}

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	double outcome(String outcome) {
		return this.meters.get("oversight.kept.answers").tag("outcome", outcome).counter().count();
	}

	@Test
	void askedAgainTheAnswerIsTheKeptOne() {
		double kept = outcome("kept");
		double computed = outcome("computed");
		String first = overview();
		assertComputed();
		assertThat(outcome("computed")).isEqualTo(computed + 1);
		assertThat(overview()).isEqualTo(first).contains("市委书记");
		assertKept();
		assertThat(outcome("kept")).isEqualTo(kept + 1);
		assertThat(this.meters.get("oversight.kept.answers.size").gauge().value()).isPositive();
		assertThat(ask(admin(), OVERDUE, "under", this.province.id())).contains("daysOverdue=5");
		assertComputed();
		assertThat(ask(admin(), OVERDUE, "under", this.province.id())).contains("daysOverdue=5");
		assertKept();
		// other variables, another answer
		assertThat(ask(admin(), OVERVIEW, "id", this.city.id())).startsWith("{organization={code=C,")
			.contains("code=X");
		assertComputed();
	}

	@Test
	void aWriteToWhatItWasReadFromIsSeenInTheNextAnswer() {
		overview();
		this.fixtures.org("X2", OrgLevel.COUNTY, this.province);
		assertThat(overview()).contains("code=X2");
		assertComputed();

		// a change by hand through the client, around the services
		this.mongo.getCollection("cadres")
			.updateOne(Filters.eq("_id", new ObjectId(this.countyPrincipal.id())), Updates.set("name", "新县委书记"));
		assertThat(ask(admin(), OVERVIEW, "id", this.city.id())).contains("新县委书记");
	}

	@Test
	void aWriteToWhatItWasNotReadFromKeepsIt() {
		String first = overview();
		this.mongo.getCollection("talks")
			.insertOne(new Document("subjectId", this.countyPrincipal.id()).append("kind", TalkKind.SUPERVISION.name())
				.append("date", java.util.Date.from(java.time.Instant.parse("2026-02-01T00:00:00Z"))));
		assertThat(overview()).isEqualTo(first);
		assertKept();
	}

	/**
	 * A talk recorded writes the talks and the subject's list of talks: the overview,
	 * read from other lists, stays kept; coverage, read from the talks, is computed
	 * again.
	 */
	@Test
	void aTalkRecordedLeavesTheOverviewKept() {
		String coverage = """
				query($id: ID!) { supervisionCoverage(organizationId: $id, year: 2026) { principals withSupervisionTalk } }""";
		String first = overview();
		ask(admin(), coverage, "id", this.city.id());
		Cadre cityPrincipal = this.mongo.findOne(org.springframework.data.mongodb.core.query.Query
			.query(org.springframework.data.mongodb.core.query.Criteria.where("name").is("市委书记")), Cadre.class);
		admin().document("""
				mutation($input: RecordTalkInput!) { recordTalk(input: $input) { id } }""")
			.variable("input",
					java.util.Map.of("kind", "SUPERVISION", "date", TestDatabase.TODAY.minusDays(1).toString(),
							"subjectId", this.countyPrincipal.id(), "conductedByIds", List.of(cityPrincipal.id()),
							"organizationId", this.county.id()))
			.execute()
			.errors()
			.verify();
		assertThat(overview()).isEqualTo(first);
		assertKept();
		assertThat(ask(admin(), coverage, "id", this.city.id())).contains("withSupervisionTalk=1");
		assertThat(this.counter.byCommand()).containsKey("find talks");
	}

	@Test
	void anotherProcessesWriteIsSeenOnceItIsPublished() {
		overview();
		WriteEpochs otherProcess = new WriteEpochs();
		otherProcess.connect(() -> this.mongo.getCollection(WriteEpochs.COLLECTION));
		try {
			otherProcess.written(List.of("principal_seats"));
			otherProcess.flush();
		}
		finally {
			otherProcess.shutdown();
		}
		overview();
		assertComputed();
		overview();
		assertKept();
	}

	@Test
	void eachViewerHasItsOwnAnswer() {
		String all = overview();
		GraphQlTester scoped = account("city", this.city.id(), null, Role.VIEWER);
		String ofTheCity = ask(scoped, OVERVIEW, "id", this.province.id());
		assertComputed();
		assertThat(ofTheCity).isEqualTo("{organization=null}").isNotEqualTo(all);
		assertThat(ask(scoped, OVERVIEW, "id", this.city.id())).contains("code=X");
		assertThat(overview()).isEqualTo(all);
		assertKept();
	}

	@Test
	void eachDayHasItsOwnAnswer() {
		assertThat(ask(admin(), OVERDUE, "under", this.province.id())).contains("daysOverdue=5");
		this.clock.setDate(TestDatabase.TODAY.plusDays(1));
		try {
			assertThat(ask(admin(), OVERDUE, "under", this.province.id())).contains("daysOverdue=6");
			assertComputed();
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void answersWithErrorsAndMutationsAreNotKept() {
		String missing = """
				query($id: ID!) { blindSpots(organizationId: $id) { vacancies { code } } }""";
		double notKept = outcome("not-kept");
		for (int i = 0; i < 2; i++) {
			this.counter.reset();
			admin().document(missing)
				.variable("id", new ObjectId().toHexString())
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).isNotEmpty());
			assertThat(this.counter.byCommand()).containsKey("find organizations");
		}
		assertThat(outcome("not-kept")).isEqualTo(notKept + 2);
		int before = this.kept.size();
		admin().document("mutation($id: ID!, $on: Date!) { dissolveOrganization(id: $id, on: $on) { code } }")
			.variable("id", this.county.id())
			.variable("on", "2026-06-01")
			.execute()
			.errors()
			.verify();
		assertThat(this.kept.size()).isEqualTo(before);
	}

	/**
	 * Writers and readers at once: every answer a reader gets after a writer's write
	 * returned shows at least that write.
	 */
	@Test
	void concurrentWritersNeverLeaveAnOldAnswerKept() throws Exception {
		overview();
		ExecutorService pool = Executors.newFixedThreadPool(3);
		AtomicBoolean writing = new AtomicBoolean(true);
		try {
			List<Future<?>> readers = new ArrayList<>();
			for (int r = 0; r < 2; r++) {
				readers.add(pool.submit(() -> {
					while (writing.get()) {
						admin().document(OVERVIEW).variable("id", this.province.id()).execute();
					}
				}));
			}
			for (int i = 0; i < 8; i++) {
				this.fixtures.org("N" + i, OrgLevel.COUNTY, this.province);
				assertThat(overview()).contains("code=N" + i);
			}
			writing.set(false);
			for (Future<?> reader : readers) {
				reader.get();
			}
		}
		finally {
			writing.set(false);
			pool.shutdownNow();
		}
		assertThat(overview()).contains("code=N7");
	}

}
