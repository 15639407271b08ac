package org.oversight.scheduler.report;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import org.oversight.core.organization.Organization;

/**
 * Stands in for the analytics module: "computes" one report per organization of the
 * subtree into {@value #COLLECTION}, keyed by (organization, year) and replaced on
 * recompute, as the port's contract asks. Can be told to die after some reports or to
 * wait at a gate.
 */
public class FakeReportGeneration implements ReportGeneration {

	public static final String COLLECTION = "test_reports";

	private final MongoTemplate mongo;

	private final AtomicInteger calls = new AtomicInteger();

	private volatile int failAfter = -1;

	private volatile CountDownLatch gate;

	public FakeReportGeneration(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Summary generate(int year, String underOrganizationId) {
		this.calls.incrementAndGet();
		CountDownLatch waitFor = this.gate;
		if (waitFor != null) {
			try {
				if (!waitFor.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("the test never opened the gate");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		Query subtree = Query
			.query((underOrganizationId != null) ? Criteria.where("path").is(underOrganizationId) : new Criteria());
		List<Organization> organizations = this.mongo.find(subtree, Organization.class)
			.stream()
			.sorted(Comparator.comparing(Organization::id))
			.toList();
		int written = 0;
		for (Organization organization : organizations) {
			if (this.failAfter >= 0 && written >= this.failAfter) {
				throw new IllegalStateException("process killed after " + written + " reports (simulated)");
			}
			this.mongo.upsert(Query.query(Criteria.where("_id").is(organization.id() + ":" + year)),
					new Update().set("organizationId", organization.id()).set("year", year).inc("computed", 1),
					COLLECTION);
			written++;
		}
		return new Summary(written, 1);
	}

	public int calls() {
		return this.calls.get();
	}

	/** Dies after {@code reports} reports of each later call; negative: never. */
	public void failAfter(int reports) {
		this.failAfter = reports;
	}

	/** Makes every later call wait until the returned gate opens. */
	public CountDownLatch closeGate() {
		this.gate = new CountDownLatch(1);
		return this.gate;
	}

	public void reset() {
		this.calls.set(0);
		this.failAfter = -1;
		CountDownLatch open = this.gate;
		this.gate = null;
		if (open != null) {
			open.countDown();
		}
	}

}
