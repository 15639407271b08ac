package org.oversight.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import org.oversight.analytics.report.EcologyReportService;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.rectification.EscalationPolicy;
import org.oversight.core.rectification.OverdueSweep;
import org.oversight.core.rectification.RectificationEventKind;
import org.oversight.core.rectification.RectificationStatus;
import org.oversight.core.rectification.ReminderLevel;

/**
 * The jobs timed against their raw limits: the overdue sweep (first run and a repeat)
 * against the raw updates it has to make, and the annual reports of the whole province
 * against one raw scan of their source collections.
 */
final class Jobs {

	private Jobs() {
	}

	// ---- the sweep -----------------------------------------------------------------

	/**
	 * @param scope the organization whose subtree the service swept (null: all)
	 * @param rawMillis the raw limit for the whole province: read the overdue tasks,
	 * their organizations and the principals above, then write every due step (an upsert
	 * by key) and every task's reminders (one idempotent $addToSet per task, by _id) in
	 * bulk
	 * @param rawSteps steps the raw run wrote
	 * @param scopeRawMillis the same for the scope swept by the service
	 * @param scopeSteps steps of the scope
	 * @param firstMillis the service's first run
	 * @param first what it issued
	 * @param repeatMillis the service run again at once
	 * @param repeat what that issued (nothing)
	 * @param againMillis the service run a third time
	 * @param rawRepeatMillis the raw limit of the repeat: the same reads, nothing to
	 * write
	 * @param feedCpuMillis CPU time the API's overdue feed (which polls
	 * {@code rectification_steps} when steps are issued in this process, at most one poll
	 * pending) used during the first run
	 * @param feedMillis after the first run, how long the feed kept a core busy (0 when
	 * it did not)
	 * @param provinceRepeatMillis with a scope: the service's sweep of the whole province
	 * once every step was issued (-1 without a scope)
	 * @param provinceRepeat what that sweep issued (nothing)
	 */
	record SweepFigures(String scope, long rawMillis, int rawSteps, long scopeRawMillis, int scopeSteps,
			long firstMillis, OverdueSweep.Result first, long repeatMillis, OverdueSweep.Result repeat,
			long againMillis, long rawRepeatMillis, long feedCpuMillis, long feedMillis, long provinceRepeatMillis,
			OverdueSweep.Result provinceRepeat) {
	}

	static SweepFigures sweep(ServerUnderTest server, MongoDatabase db, LocalDate today, String scope) {
		// the raw run writes into copies of what it changes, so the service starts from
		// the same state
		dropRaw(db);
		copyOverdue(db, today);
		long started = System.nanoTime();
		int rawSteps = rawSweep(db, today, null);
		long rawMillis = millis(started);
		dropRaw(db);
		int scopeSteps = rawSteps;
		long scopeRawMillis = rawMillis;
		if (scope != null) {
			copyOverdue(db, today);
			started = System.nanoTime();
			scopeSteps = rawSweep(db, today, scope);
			scopeRawMillis = millis(started);
			dropRaw(db);
		}

		OverdueSweep sweep = server.bean(OverdueSweep.class);
		long feedCpuBefore = feedCpu();
		started = System.nanoTime();
		OverdueSweep.Result first = sweep.sweep(today, scope);
		long firstMillis = millis(started);
		long feedDuring = (feedCpu() - feedCpuBefore) / 1_000_000;
		long feedMillis = awaitFeed(feedCpu());
		started = System.nanoTime();
		OverdueSweep.Result repeat = sweep.sweep(today, scope);
		long repeatMillis = millis(started);
		// once more: the first repeat follows the first run's writes (on H2, its store's
		// housekeeping)
		started = System.nanoTime();
		sweep.sweep(today, scope);
		long againMillis = millis(started);
		// the raw reads again, on the swept tasks: nothing is due, nothing written
		started = System.nanoTime();
		int rawRepeatSteps = rawSweep(db, today, scope);
		long rawRepeatMillis = millis(started);
		dropRaw(db);
		if (rawRepeatSteps != 0) {
			throw new IllegalStateException(
					"after the service's sweep the raw run still found " + rawRepeatSteps + " steps due");
		}
		long provinceRepeatMillis = -1;
		OverdueSweep.Result provinceRepeat = null;
		if (scope != null) {
			// the rest of the province gets the raw updates (the same steps, recipients
			// and
			// days the service would issue), then the service sweeps the whole province
			// with nothing left to issue: a province-wide repeat
			rawSweep(db, today, null, "rectifications", "rectification_steps", "sequences");
			started = System.nanoTime();
			provinceRepeat = sweep.sweep(today, null);
			provinceRepeatMillis = millis(started);
		}
		return new SweepFigures(scope, rawMillis, rawSteps, scopeRawMillis, scopeSteps, firstMillis, first,
				repeatMillis, repeat, againMillis, rawRepeatMillis, feedDuring, feedMillis, provinceRepeatMillis,
				provinceRepeat);
	}

	/**
	 * Copies the overdue tasks for the raw run to write into. Through the driver, not
	 * with $out: the embedded memory backend's $out shares the document objects, so an
	 * update of the copy changed the original too.
	 */
	private static void copyOverdue(MongoDatabase db, LocalDate today) {
		List<Document> batch = new ArrayList<>();
		for (Document task : db.getCollection("rectifications").find(overdue(today))) {
			batch.add(task);
			if (batch.size() == 1000) {
				db.getCollection("raw_rectifications").insertMany(batch);
				batch = new ArrayList<>();
			}
		}
		if (!batch.isEmpty()) {
			db.getCollection("raw_rectifications").insertMany(batch);
		}
	}

	private static void dropRaw(MongoDatabase db) {
		List<String> names = db.listCollectionNames().into(new ArrayList<>());
		for (String name : List.of("raw_rectifications", "raw_rectification_steps", "raw_sequences")) {
			if (names.contains(name)) {
				db.getCollection(name).drop();
			}
		}
	}

	private static Bson overdue(LocalDate today) {
		return Filters.and(
				Filters.in("status", RectificationStatus.ASSIGNED.name(), RectificationStatus.IN_PROGRESS.name()),
				Filters.lt("deadline", today));
	}

	/** The raw updates of a sweep; returns the steps written. */
	static int rawSweep(MongoDatabase db, LocalDate today, String scope) {
		return rawSweep(db, today, scope, "raw_rectifications", "raw_rectification_steps", "raw_sequences");
	}

	static int rawSweep(MongoDatabase db, LocalDate today, String scope, String tasksOut, String stepsOut,
			String sequencesOut) {
		EscalationPolicy policy = EscalationPolicy.defaults();
		Bson filter = (scope != null) ? Filters.and(overdue(today), Filters.eq("orgPath", scope)) : overdue(today);
		List<Document> tasks = db.getCollection("rectifications")
			.find(filter)
			.projection(Projections.include("deadline", "responsibleOrganizationId", "orgPath", "reminders.level"))
			.into(new ArrayList<>());
		// the due steps first: the recipients are read only when an escalation is due
		Map<Document, List<ReminderLevel>> due = new LinkedHashMap<>();
		Set<String> escalating = new HashSet<>();
		for (Document task : tasks) {
			long days = ChronoUnit.DAYS.between(RawDashboard.day(task, "deadline"), today);
			Set<String> present = new HashSet<>();
			task.getList("reminders", Document.class, List.of()).forEach((r) -> present.add(r.getString("level")));
			for (var step : policy.steps().entrySet()) {
				if (days >= step.getValue() && !present.contains(step.getKey().name())) {
					due.computeIfAbsent(task, (k) -> new ArrayList<>()).add(step.getKey());
					if (step.getKey() == ReminderLevel.ESCALATION) {
						escalating.add(task.getString("responsibleOrganizationId"));
					}
				}
			}
		}
		if (due.isEmpty()) {
			return 0;
		}
		Map<String, List<String>> ancestorsOf = new HashMap<>();
		Set<String> ancestors = new HashSet<>();
		Set<String> withPrincipal = new HashSet<>();
		if (!escalating.isEmpty()) {
			db.getCollection("organizations")
				.find(Filters.in("_id", RawDashboard.oids(escalating)))
				.projection(Projections.include("path"))
				.forEach((o) -> {
					List<String> path = o.getList("path", String.class);
					List<String> up = path.subList(0, path.size() - 1);
					ancestorsOf.put(RawDashboard.id(o), up);
					ancestors.addAll(up);
				});
			// every principal post held on the day, kept for the ancestors: one scan,
			// cheaper here than an $in of thousands of ancestors (compared with each
			// post)
			db.getCollection("appointments")
				.find(Filters.and(Filters.eq("role", TeamRole.PRINCIPAL.name()), RawDashboard.heldOn(today)))
				.projection(Projections.include("organizationId"))
				.forEach((a) -> {
					if (ancestors.contains(a.getString("organizationId"))) {
						withPrincipal.add(a.getString("organizationId"));
					}
				});
		}

		record Step(Document task, ReminderLevel level, String to) {
		}
		List<Step> steps = new ArrayList<>();
		Map<Document, List<Step>> byTask = new LinkedHashMap<>();
		due.forEach((task, levels) -> {
			String organization = task.getString("responsibleOrganizationId");
			for (ReminderLevel level : levels) {
				String to = organization;
				if (level == ReminderLevel.ESCALATION) {
					List<String> up = ancestorsOf.getOrDefault(organization, List.of());
					to = up.isEmpty() ? organization : up.get(up.size() - 1);
					for (int i = up.size() - 1; i >= 0; i--) {
						if (withPrincipal.contains(up.get(i))) {
							to = up.get(i);
							break;
						}
					}
				}
				Step s = new Step(task, level, to);
				steps.add(s);
				byTask.computeIfAbsent(task, (k) -> new ArrayList<>()).add(s);
			}
		});
		Document counter = db.getCollection(sequencesOut)
			.findOneAndUpdate(Filters.eq("_id", "rectification_steps"), Updates.inc("value", (long) steps.size()),
					new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
		long sequence = counter.getLong("value") - steps.size();
		java.util.Date at = new java.util.Date();
		List<WriteModel<Document>> events = new ArrayList<>();
		for (Step step : steps) {
			String taskId = RawDashboard.id(step.task());
			events.add(new UpdateOneModel<>(Filters.eq("_id", taskId + ":" + step.level().name()),
					Updates.combine(Updates.setOnInsert("taskId", taskId),
							Updates.setOnInsert("level", step.level().name()), Updates.setOnInsert("issuedOn", today),
							Updates.setOnInsert("issuedToId", step.to()),
							Updates.setOnInsert("orgPath", step.task().getList("orgPath", String.class)),
							Updates.setOnInsert("sequence", ++sequence), Updates.setOnInsert("at", at)),
					new UpdateOptions().upsert(true)));
		}
		bulk(db, stepsOut, events);
		List<WriteModel<Document>> pushes = new ArrayList<>();
		byTask.forEach((task, list) -> {
			List<Document> reminders = new ArrayList<>();
			List<Document> history = new ArrayList<>();
			List<String> levels = new ArrayList<>();
			for (Step step : list) {
				levels.add(step.level().name());
				reminders.add(new Document("level", step.level().name()).append("issuedOn", today)
					.append("issuedToId", step.to()));
				history.add(new Document("kind", RectificationEventKind.REMINDER.name()).append("on", today)
					.append("by", "overdue-sweep")
					.append("note", step.level().label() + " (" + step.level().name() + ")"));
			}
			// by _id alone (the embedded server uses an index for nothing else) and
			// idempotent: the values come from the step events, a repeat adds nothing
			pushes.add(new UpdateOneModel<>(Filters.eq("_id", task.get("_id")), Updates
				.combine(Updates.addEachToSet("reminders", reminders), Updates.addEachToSet("history", history))));
		});
		bulk(db, tasksOut, pushes);
		return steps.size();
	}

	private static void bulk(MongoDatabase db, String collection, List<WriteModel<Document>> writes) {
		for (int from = 0; from < writes.size(); from += 1000) {
			db.getCollection(collection)
				.bulkWrite(writes.subList(from, Math.min(writes.size(), from + 1000)),
						new BulkWriteOptions().ordered(false));
		}
	}

	/** CPU time of the API's overdue-feed thread, ns (-1 when there is none). */
	static long feedCpu() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
			if ("overdue-feed".equals(info.getThreadName())) {
				return threads.getThreadCpuTime(info.getThreadId());
			}
		}
		return -1;
	}

	/**
	 * Waits (at most three minutes) until the feed thread stops using CPU; returns how
	 * long it stayed busy after the sweep returned.
	 */
	static long awaitFeed(long before) {
		long started = System.nanoTime();
		long last = feedCpu();
		if (last < 0 || last - before < 50_000_000L) {
			return 0;
		}
		long quietSince = System.nanoTime();
		while (millis(started) < 180_000) {
			sleep(250);
			long now = feedCpu();
			if (now - last > 10_000_000L) {
				quietSince = System.nanoTime();
			}
			else if (millis(quietSince) > 1000) {
				return millis(started) - 1000;
			}
			last = now;
		}
		return -millis(started);
	}

	// ---- the reports ---------------------------------------------------------------

	/**
	 * @param year the year reported
	 * @param reports reports written
	 * @param serviceMillis {@code EcologyReportService.generate(year, null)}
	 * @param rawMillis one raw scan of the source collections (the same reads, filters
	 * and projections)
	 * @param rawDocuments documents that scan returned
	 * @param written reports the service wrote (those whose content changed)
	 * @param serviceCpuMillis CPU time of this JVM during the service's run
	 */
	record ReportFigures(int year, int reports, long serviceMillis, long rawMillis, long rawDocuments, int written,
			long serviceCpuMillis) {
	}

	static ReportFigures reports(ServerUnderTest server, MongoDatabase db, int year, LocalDate today) {
		long started = System.nanoTime();
		long documents = rawReportScan(db, year, today);
		long rawMillis = millis(started);
		started = System.nanoTime();
		Cpu cpu = Cpu.start();
		EcologyReportService.Summary summary = server.bean(EcologyReportService.class).generate(year, null);
		return new ReportFigures(year, summary.reports(), millis(started), rawMillis, documents, summary.written(),
				cpu.processMillis());
	}

	/**
	 * The reads of the report generation (FactsReader), for the whole province: every
	 * organization, the year's findings grouped, the relevant tasks (projected), the
	 * dismissed findings, the meetings, the interference records grouped, the posts
	 * overlapping the year and the talks of the year.
	 */
	static long rawReportScan(MongoDatabase db, int year, LocalDate today) {
		LocalDate start = LocalDate.of(year, 1, 1);
		LocalDate end = LocalDate.of(year, 12, 31);
		LocalDate reference = (year == today.getYear()) ? today : end;
		LocalDate talkEnd = end.plusDays(30);
		long n = 0;
		n += db.getCollection("organizations").find().into(new ArrayList<>()).size();
		n += db.getCollection("findings")
			.aggregate(List.of(
					new Document("$match",
							new Document("reportedOn",
									new Document("$gte", RawDashboard.date(start)).append("$lte",
											RawDashboard.date(end)))),
					new Document("$group",
							new Document("_id",
									new Document("o", "$organizationId").append("st", "$status")
										.append("sv", "$severity")
										.append("p", "$concernsPrincipal")
										.append("src", "$source")
										.append("d", "$disposition"))
								.append("n", new Document("$sum", 1)))))
			.into(new ArrayList<>())
			.size();
		n += db.getCollection("rectifications")
			.find(Filters.and(Filters.lte("assignedOn", reference),
					Filters.or(Filters.ne("status", "VERIFIED"), Filters.gte("verifiedOn", start),
							Filters.gte("deadline", start))))
			.projection(Projections.include("responsibleOrganizationId", "findingId", "status", "deadline",
					"assignedOn", "submittedOn", "verifiedOn", "reminders.level", "reminders.issuedOn"))
			.into(new ArrayList<>())
			.size();
		n += db.getCollection("findings")
			.find(Filters.eq("status", "DISMISSED"))
			.projection(Projections.include("_id"))
			.into(new ArrayList<>())
			.size();
		n += db.getCollection("meetings")
			.find(Filters.and(Filters.gte("date", start), Filters.lte("date", end)))
			.projection(Projections.include("organizationId", "upperLevelAttendeeIds"))
			.into(new ArrayList<>())
			.size();
		n += db.getCollection("interference_records")
			.aggregate(List.of(
					new Document("$match",
							new Document("date",
									new Document("$gte", RawDashboard.date(start)).append("$lte",
											RawDashboard.date(end)))),
					new Document("$group",
							new Document("_id", "$organizationId").append("n", new Document("$sum", 1)))))
			.into(new ArrayList<>())
			.size();
		n += db.getCollection("appointments")
			.find(Filters.and(Filters.lte("start", talkEnd),
					Filters.or(Filters.eq("end", null), Filters.gte("end", start))))
			.projection(Projections.include("cadreId", "organizationId", "orgPath", "role", "start", "end"))
			.into(new ArrayList<>())
			.size();
		n += db.getCollection("talks")
			.find(Filters.and(Filters.in("kind", "SUPERVISION", "APPOINTMENT"), Filters.gte("date", start),
					Filters.lte("date", talkEnd)))
			.projection(Projections.include("subjectId", "kind", "date", "conductedByIds"))
			.into(new ArrayList<>())
			.size();
		return n;
	}

	/**
	 * What the embedded store's own writing of a year's reports costs: the reports the
	 * service stored, read back as they are, deleted and inserted again by the raw driver
	 * in unordered batches of the service's size, timed from the first insert to the
	 * last. The collection ends holding the same documents.
	 *
	 * @param reports the documents inserted
	 * @param bytes their BSON size
	 * @param millis the inserts' time
	 */
	record RawWrite(int reports, long bytes, long millis) {
	}

	static RawWrite rawReportWrite(MongoDatabase db, int year) {
		MongoCollection<RawBsonDocument> reports = db.getCollection("ecology_reports", RawBsonDocument.class);
		List<RawBsonDocument> stored = reports.find(Filters.eq("year", year))
			.batchSize(REPORT_BATCH)
			.into(new ArrayList<>());
		long bytes = stored.stream().mapToLong((document) -> document.getByteBuffer().remaining()).sum();
		reports.deleteMany(Filters.eq("year", year));
		long started = System.nanoTime();
		for (int from = 0; from < stored.size(); from += REPORT_BATCH) {
			reports.insertMany(stored.subList(from, Math.min(stored.size(), from + REPORT_BATCH)),
					new InsertManyOptions().ordered(false));
		}
		return new RawWrite(stored.size(), bytes, millis(started));
	}

	/** The service's batch ({@code StoredReports.WRITE_BATCH}). */
	private static final int REPORT_BATCH = 2_000;

	static long millis(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
