package org.oversight.scheduler.report;

import java.util.ArrayList;
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

	private final AtomicInteger partitionCalls = new AtomicInteger();

	private final AtomicInteger topCalls = new AtomicInteger();

	private volatile int failAfter = -1;

	private volatile CountDownLatch gate;

	public FakeReportGeneration(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Summary generate(int year, String underOrganizationId) {
		this.calls.incrementAndGet();
		return write(year,
				(underOrganizationId != null) ? Criteria.where("path").is(underOrganizationId) : new Criteria());
	}

	/** The roots' children, sorted by id, dealt in turn to the partitions. */
	@Override
	public Split split(int partitions) {
		List<String> tops = this.mongo.find(Query.query(Criteria.where("parentId").is(null)), Organization.class)
			.stream()
			.map(Organization::id)
			.sorted()
			.toList();
		List<String> children = this.mongo.find(Query.query(Criteria.where("parentId").in(tops)), Organization.class)
			.stream()
			.map(Organization::id)
			.sorted()
			.toList();
		List<List<String>> parts = new ArrayList<>();
		for (int i = 0; i < Math.min(partitions, children.size()); i++) {
			parts.add(new ArrayList<>());
		}
		for (int i = 0; i < children.size(); i++) {
			parts.get(i % parts.size()).add(children.get(i));
		}
		return new Split(parts, tops);
	}

	@Override
	public Summary generatePartition(int year, List<String> roots) {
		this.partitionCalls.incrementAndGet();
		return write(year, Criteria.where("path").in(roots));
	}

	@Override
	public Summary generateTop(int year, String organizationId) {
		this.topCalls.incrementAndGet();
		return write(year, Criteria.where("_id").is(organizationId));
	}

	private Summary write(int year, Criteria criteria) {
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
		List<Organization> organizations = this.mongo.find(Query.query(criteria), Organization.class)
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

	public int partitionCalls() {
		return this.partitionCalls.get();
	}

	public int topCalls() {
		return this.topCalls.get();
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
		this.partitionCalls.set(0);
		this.topCalls.set(0);
		this.failAfter = -1;
		CountDownLatch open = this.gate;
		this.gate = null;
		if (open != null) {
			open.countDown();
		}
	}

}
