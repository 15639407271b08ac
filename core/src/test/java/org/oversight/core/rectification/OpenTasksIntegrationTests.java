package org.oversight.core.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.common.Page;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Scope;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.Severity;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue list read through the open-task lists gives, page by page, what the query
 * of the tasks gives: for whole and scoped readers, with a recusal, after every kind of
 * change and move, and with ids too many in the lists.
 */
@MongoIntegrationTest
class OpenTasksIntegrationTests {

	static final LocalDate TODAY = TestDatabase.TODAY;

	@Autowired
	OpenTasks openTasks;

	@Autowired
	RectificationQueries queries;

	@Autowired
	RectificationService service;

	@Autowired
	OrganizationService organizations;

	@Autowired
	LookupLists lookups;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MongoTemplate mongo;

	Organization province;

	Organization city1;

	Organization city2;

	Organization county;

	Cadre subject;

	List<Rectification> tasks = new ArrayList<>();

	@BeforeEach
	void tasks() {
		this.province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		this.city1 = this.fixtures.org("C1", OrgLevel.CITY, this.province);
		this.city2 = this.fixtures.org("C2", OrgLevel.CITY, this.province);
		this.county = this.fixtures.org("X", OrgLevel.COUNTY, this.city1);
		this.subject = this.fixtures.cadre("被反映人");
		List<Organization> where = List.of(this.county, this.city1, this.city2, this.county, this.province);
		for (int i = 0; i < 15; i++) {
			Finding finding = this.fixtures.finding(where.get(i % where.size()), (i % 4 == 0) ? this.subject : null,
					Severity.GENERAL, LocalDate.of(2026, 1, 1));
			// several tasks share a deadline, some are not overdue
			this.tasks.add(this.fixtures.task(finding, where.get(i % where.size()), TODAY.minusDays(i % 6 - 1)));
		}
	}

	@Test
	void pagesEqualTheQueryForEveryReader() {
		assertSameForEveryReader();
	}

	@Test
	void pagesFollowEveryChange() {
		Rectification a = this.tasks.get(2);
		a = this.service.reportProgress(a.id(), "整改中", a.version());
		Rectification b = this.tasks.get(3);
		b = this.service.reportProgress(b.id(), "整改中", b.version());
		this.service.submit(b.id(), "报告", TODAY, b.version());
		Rectification c = this.tasks.get(4);
		this.service.extendDeadline(c.id(), TODAY.plusDays(30), "延期", c.version());
		Rectification d = this.tasks.get(5);
		this.service.reassign(d.id(), this.city2.id(), null, d.version());
		assertSameForEveryReader();
		this.organizations.move(this.county.id(), this.city2.id());
		assertSameForEveryReader();
	}

	@Test
	void idsTooManyChangeNoPage() {
		Rectification task = this.tasks.get(1);
		this.lookups.add(OpenTasks.LIST, this.province.id() + "|" + task.deadline(), this.tasks.get(0).id());
		this.lookups.add(OpenTasks.LIST, this.province.id() + "|" + task.deadline(), "000000000000000000000000");
		assertSameForEveryReader();
	}

	@Test
	void beforeTheListsAreBuiltThereIsNoPage() {
		this.mongo.getCollection(LookupLists.COLLECTION).deleteMany(Filters.empty());
		assertThat(this.openTasks.overduePage(Scope.everything(), this.province.id(), PageRequest.of(5, null), TODAY))
			.isEmpty();
	}

	private void assertSameForEveryReader() {
		for (Scope scope : List.of(Scope.everything(), Scope.within(this.city1.id()),
				new Scope(null, this.subject.id()))) {
			for (Organization under : List.of(this.province, this.city1, this.city2, this.county)) {
				assertThat(pages(scope, under, true)).as("%s under %s", scope, under.code())
					.isEqualTo(pages(scope, under, false));
			}
		}
	}

	/** The ids of every page of three, walked by cursor. */
	private List<List<String>> pages(Scope scope, Organization under, boolean throughLists) {
		List<List<String>> pages = new ArrayList<>();
		String after = null;
		Criteria criteria = this.queries.of(scope, under.id(), true,
				new RectificationFilter(null, true, null, null, null, null, null), TODAY);
		while (true) {
			PageRequest request = PageRequest.of(3, after);
			Page<Rectification> page = throughLists
					? this.openTasks.overduePage(scope, under.id(), request, TODAY).orElseThrow()
					: this.queries.page(criteria, request, TODAY);
			pages.add(page.items().stream().map(Rectification::id).toList());
			if (!page.hasNextPage()) {
				return pages;
			}
			after = page.cursors().get(page.cursors().size() - 1);
		}
	}

}
