package org.oversight.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import org.oversight.core.cadre.TeamRole;

/**
 * Records talks through the API at a fixed rate while a query is measured
 * ({@code bench.writes}, talks per second; 0 records none): the writes a province's users
 * make all day, so that the figures show what the answers kept between requests are worth
 * while the data changes. Each talk is a heart-to-heart talk of yesterday with a
 * principal of the county level, conducted by the principal of another.
 */
final class TalkWriter implements AutoCloseable {

	static final String RECORD = """
			mutation($input: RecordTalkInput!) { recordTalk(input: $input) { id } }""";

	private final Thread thread;

	private final AtomicInteger written = new AtomicInteger();

	private final AtomicReference<String> firstError = new AtomicReference<>();

	private volatile boolean running = true;

	private TalkWriter(GraphQlClient graphql, List<Document> principals, double perSecond, LocalDate today) {
		long interval = (long) (1_000_000_000L / perSecond);
		this.thread = new Thread(() -> {
			long next = System.nanoTime();
			int i = 0;
			while (this.running) {
				Document subject = principals.get(i % principals.size());
				Document conductor = principals.get((i + 1) % principals.size());
				i++;
				Map<String, Object> input = Map.of("kind", "HEART_TO_HEART", "date", today.minusDays(1).toString(),
						"subjectId", subject.getString("cadreId"), "conductedByIds",
						List.of(conductor.getString("cadreId")), "organizationId", subject.getString("organizationId"),
						"summary", "基准测试");
				try {
					graphql.execute(RECORD, Map.of("input", input));
					this.written.incrementAndGet();
				}
				catch (Exception ex) {
					if (this.running) {
						this.firstError.compareAndSet(null, ex.getMessage());
					}
				}
				next += interval;
				long wait = next - System.nanoTime();
				if (wait > 0) {
					try {
						Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}
		}, "talk-writer");
		this.thread.setDaemon(true);
	}

	/** Starts recording, or returns null when {@code perSecond} is 0. */
	static TalkWriter start(GraphQlClient graphql, MongoDatabase db, double perSecond, LocalDate today) {
		if (perSecond <= 0) {
			return null;
		}
		List<Document> principals = new ArrayList<>();
		db.getCollection("appointments")
			.find(Filters.and(Filters.eq("role", TeamRole.PRINCIPAL.name()), RawDashboard.heldOn(today)))
			.projection(Projections.include("cadreId", "organizationId"))
			.limit(200)
			.into(principals);
		TalkWriter writer = new TalkWriter(graphql, principals, perSecond, today);
		writer.thread.start();
		return writer;
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.interrupt();
		this.thread.join();
	}

	@Override
	public String toString() {
		return this.written.get() + " talks recorded"
				+ ((this.firstError.get() != null) ? " (first error: " + this.firstError.get() + ")" : "");
	}

}
