package org.oversight.api.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;
import org.oversight.api.test.CommandCounter;
import org.oversight.api.viewer.Role;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.Severity;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationService;
import org.oversight.core.tally.SubtreeTallies;
import org.oversight.core.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Totals of subtree lists come from the subtree tallies, giving the same answers as
 * counting the records, and without counting them; a caller with a recusal still gets the
 * records counted.
 */
@ApiIntegrationTest
@Import(CommandCounter.Registration.class)
class TalliedCountsIntegrationTests extends ApiTestSupport {

	static final String OVERVIEW = """
			query($id: ID!) {
			  organization(id: $id) {
			    children {
			      code
			      open: rectifications(includeDescendants: true, filter: { status: [ASSIGNED, IN_PROGRESS, SUBMITTED] }) { totalCount }
			      overdue: rectifications(includeDescendants: true, filter: { overdue: true }) { totalCount }
			      serious: findings(includeDescendants: true, filter: { severity: [SERIOUS] }) { totalCount }
			      findings(includeDescendants: true) { totalCount }
			    }
			  }
			  rectifications(under: $id, filter: { overdue: true }) { totalCount }
			  findings(under: $id) { totalCount }
			}""";

	@Autowired
	CommandCounter counter;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	SubtreeTallies tallies;

	@Autowired
	org.oversight.core.mongo.WriteEpochs epochs;

	@Autowired
	RectificationService rectifications;

	Organization province;

	Cadre recused;

	@BeforeEach
	void province() {
		LocalDate today = TestDatabase.TODAY;
		this.province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		for (int c = 1; c <= 3; c++) {
			Organization city = this.fixtures.org("C" + c, OrgLevel.CITY, this.province);
			Organization county = this.fixtures.org("X" + c, OrgLevel.COUNTY, city);
			Cadre principal = this.fixtures.cadre("县委书记" + c);
			this.fixtures.appoint(principal, county, TeamRole.PRINCIPAL, LocalDate.of(2022, 1, 1));
			if (c == 1) {
				this.recused = principal;
			}
			for (int i = 0; i < c + 1; i++) {
				Finding finding = this.fixtures.finding((i % 2 == 0) ? county : city, principal,
						(i == 0) ? Severity.SERIOUS : Severity.GENERAL, LocalDate.of(2026, 1, 1 + i));
				this.fixtures.task(finding, county, today.plusDays(3 * i - 4));
			}
		}
	}

	@Test
	void countsFromTheTalliesEqualCountsOfTheRecords() {
		String tallied = overview();
		int firstReads = this.counter.byCommand().get("find subtree_tallies").get();
		assertThat(overview()).isEqualTo(tallied);
		Map<String, Integer> withTallies = Map.copyOf(this.counter.byCommand()
			.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().get())));
		this.mongo.getCollection(SubtreeTallies.COLLECTION).deleteMany(Filters.empty());
		String counted = overview();
		assertThat(tallied).isEqualTo(counted).contains("totalCount=3");
		assertThat(withTallies.keySet()).as("no records counted")
			.noneMatch((command) -> command.startsWith("aggregate") || command.startsWith("count"))
			.contains("find subtree_tallies");
		assertThat(withTallies.get("find subtree_tallies"))
			.as("one read of the revisions per source for the rows, one per list total, the sums kept")
			.isEqualTo(2 + 2);
		assertThat(firstReads).as("the first time, each also reads the counts").isEqualTo(2 * (2 + 2));
		assertThat(this.counter.byCommand()).containsKeys("aggregate rectifications", "aggregate findings");
		assertThat(this.counter.byCommand().get("aggregate rectifications").get())
			.as("one aggregation per filter of the rows (open, overdue) and the list's total")
			.isEqualTo(3);
		assertThat(this.counter.byCommand().get("aggregate findings").get()).as("serious, all, the list's total")
			.isEqualTo(3);
	}

	@Test
	void breakdownsFromTheTalliesEqualCountsOfTheRecords() {
		String breakdowns = """
				query($under: ID!) {
				  status: findingBreakdown(under: $under, by: STATUS) { organization { code } total counts { key count } }
				  severity: findingBreakdown(under: $under, by: SEVERITY, filter: { source: [INSPECTION] }) { total counts { key count } }
				  category: findingBreakdown(under: $under, by: CATEGORY) { total counts { key count } }
				  tasks: rectificationBreakdown(under: $under, by: STATUS) { total counts { key count } }
				  overdue: rectificationBreakdown(under: $under, by: OVERDUE, filter: { status: [ASSIGNED] }) { total counts { key count } }
				}""";
		var request = admin().document(breakdowns).variable("under", this.province.id());
		this.counter.reset();
		String tallied = request.execute().path("").entity(Object.class).get().toString();
		assertThat(this.counter.byCommand().keySet()).noneMatch((command) -> command.startsWith("aggregate"));
		this.mongo.getCollection(SubtreeTallies.COLLECTION).deleteMany(Filters.empty());
		String counted = admin().document(breakdowns)
			.variable("under", this.province.id())
			.execute()
			.path("")
			.entity(Object.class)
			.get()
			.toString();
		assertThat(tallied).isEqualTo(counted).contains("key=true, count=2");
	}

	@Test
	void theOverdueListThroughTheListsEqualsTheQuery() {
		List<String> listed = overduePages();
		this.counter.reset();
		overduePages();
		assertThat(this.counter.byCommand().keySet()).noneMatch((command) -> command.startsWith("aggregate"));
		this.mongo.getCollection(LookupLists.COLLECTION).deleteMany(Filters.empty());
		List<String> queried = overduePages();
		assertThat(listed).hasSize(6).isEqualTo(queried);
	}

	/** Every overdue task of the province, two a page, walked by cursor. */
	private List<String> overduePages() {
		List<String> ids = new ArrayList<>();
		String after = null;
		while (true) {
			Map<String, Object> page = admin().document("""
					query($under: ID, $after: String) {
					  rectifications(under: $under, filter: { overdue: true }, first: 2, after: $after) {
					    edges { cursor node { id } }
					    pageInfo { hasNextPage }
					  }
					}""")
				.variable("under", this.province.id())
				.variable("after", after)
				.execute()
				.path("rectifications")
				.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get();
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> edges = (List<Map<String, Object>>) page.get("edges");
			for (Map<String, Object> edge : edges) {
				@SuppressWarnings("unchecked")
				Map<String, Object> node = (Map<String, Object>) edge.get("node");
				ids.add((String) node.get("id"));
				after = (String) edge.get("cursor");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
			if (!Boolean.TRUE.equals(info.get("hasNextPage"))) {
				return ids;
			}
		}
	}

	@Test
	void aChangeShowsInTheNextAnswer() {
		String before = overview();
		Rectification task = this.mongo.findAll(Rectification.class).get(0);
		this.rectifications.extendDeadline(task.id(), TestDatabase.TODAY.plusDays(100), "延期", task.version());
		String after = overview();
		this.tallies.rebuild();
		assertThat(overview()).isEqualTo(after).isNotEqualTo(before);
	}

	@Test
	void aRecusedCallerGetsTheRecordsCounted() {
		String answer = account("recused", this.province.id(), this.recused.id(), Role.VIEWER).document(OVERVIEW)
			.variable("id", this.province.id())
			.execute()
			.path("findings.totalCount")
			.entity(Integer.class)
			.get()
			.toString();
		assertThat(Integer.parseInt(answer)).isEqualTo(3 + 4);
	}

	@Test
	void rebuildReadModelsIsForAdministrators() {
		admin().document("mutation { rebuildReadModels { job state message } }")
			.execute()
			.path("rebuildReadModels.job")
			.entity(String.class)
			.isEqualTo("read-models")
			.path("rebuildReadModels.state")
			.entity(String.class)
			.isEqualTo("SUCCEEDED");
		account("viewer", null, null, Role.VIEWER).document("mutation { rebuildReadModels { job } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
	}

	/**
	 * The overview, computed: as after a write elsewhere, so the whole answer is not
	 * simply the one kept from the last time (the sums kept by their revisions are).
	 */
	private String overview() {
		var request = admin().document(OVERVIEW).variable("id", this.province.id());
		this.epochs.writtenAll();
		this.counter.reset();
		return request.execute().path("").entity(Object.class).get().toString();
	}

}
