package org.oversight.scheduler.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import org.oversight.core.common.Actor;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.Today;
import org.oversight.core.job.JobRun;
import org.oversight.core.job.JobRuns;
import org.oversight.core.job.JobState;
import org.oversight.core.organization.Organizations;
import org.oversight.scheduler.runtime.JobNames;
import org.oversight.scheduler.runtime.Leases;
import org.oversight.scheduler.runtime.Outcome;
import org.oversight.scheduler.runtime.RecordedRuns;
import org.oversight.scheduler.runtime.SchedulerProperties;
import org.oversight.scheduler.runtime.Schedules;

/**
 * Runs of the political-ecology reports, each recorded as a JobRun of
 * {@value JobNames#ECOLOGY_REPORTS} whose counts carry the {@code year} (and
 * {@code under} when not the whole tree): the yearly fire for the previous year (once
 * across processes), runs asked for ({@link #generate}) and the catch-up of a missed fire
 * at start-up ({@link #catchUp}). The work is done by {@link ReportGeneration}.
 */
@Service
public class EcologyReportRuns implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(EcologyReportRuns.class);

	static final String CATCH_UP_LEASE = "ecology-reports-catch-up";

	static final String MISSING = "No report generation in this process: no bean implements "
			+ ReportGeneration.class.getName() + " (the analytics module's adapter is missing)";

	private final ObjectProvider<ReportGeneration> generation;

	private final RecordedRuns runs;

	private final JobRuns jobRuns;

	private final Leases leases;

	private final Organizations organizations;

	private final MongoTemplate mongo;

	private final Today today;

	private final SchedulerProperties properties;

	private final ZoneId zone;

	private final ExecutorService background;

	EcologyReportRuns(ObjectProvider<ReportGeneration> generation, RecordedRuns runs, JobRuns jobRuns, Leases leases,
			Organizations organizations, MongoTemplate mongo, Today today, SchedulerProperties properties,
			Schedules schedules) {
		this.generation = generation;
		this.runs = runs;
		this.jobRuns = jobRuns;
		this.leases = leases;
		this.organizations = organizations;
		this.mongo = mongo;
		this.today = today;
		this.properties = properties;
		this.zone = schedules.zone();
		AtomicInteger threads = new AtomicInteger();
		this.background = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "ecology-reports-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * The scheduled run: every organization's reports of {@code year}, unless another
	 * process ran this fire. Split into {@code oversight.scheduler.report-partitions}
	 * (more than 1): each partition is a run of its own, keyed {@code job@time#k/N} and
	 * claimed once across processes, so every process that fires takes the partitions
	 * nobody took yet; the process that finds every partition SUCCEEDED after its own
	 * claims the fire's key {@code job@time} and computes the roots. A partition that
	 * failed or whose process died leaves the fire without its last step: the catch-up at
	 * the next start then generates the year in one piece.
	 * @return the fire's run (the roots' step when split), or empty when another process
	 * ran it or partitions are still running elsewhere
	 */
	public Optional<JobRun> scheduled(Instant scheduledFireTime, int year) {
		int partitions = this.properties.reportPartitions();
		ReportGeneration reports = this.generation.getIfAvailable();
		if (partitions <= 1 || reports == null) {
			return this.runs.once(JobNames.ECOLOGY_REPORTS, scheduledFireTime, () -> work(year, null));
		}
		String fire = RecordedRuns.fireKey(JobNames.ECOLOGY_REPORTS, scheduledFireTime);
		ReportGeneration.Split split = reports.split(partitions);
		int size = split.partitions().size();
		List<String> keys = new ArrayList<>();
		for (int k = 0; k < size; k++) {
			String key = fire + "#" + (k + 1) + "/" + size;
			keys.add(key);
			List<String> roots = split.partitions().get(k);
			String partition = (k + 1) + "/" + size;
			this.runs.once(JobNames.ECOLOGY_REPORTS, key, () -> partitionWork(reports, year, partition, roots));
		}
		long succeeded = this.mongo.count(Query.query(Criteria.where("fireKey")
			.in(keys)
			.and("job")
			.is(JobNames.ECOLOGY_REPORTS)
			.and("state")
			.is(JobState.SUCCEEDED)), JobRun.class);
		if (succeeded < size) {
			logger.info("Fire {}: {} of {} report partitions succeeded so far; the roots wait for the rest", fire,
					succeeded, size);
			return Optional.empty();
		}
		return this.runs.once(JobNames.ECOLOGY_REPORTS, fire, () -> topWork(reports, year, split.tops(), size));
	}

	private Outcome partitionWork(ReportGeneration reports, int year, String partition, List<String> roots) {
		ReportGeneration.Summary summary = reports.generatePartition(year, roots);
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("year", year);
		counts.put("partition", partition);
		counts.put("subtrees", roots.size());
		counts.put("reports", summary.reports());
		counts.put("millis", summary.millis());
		return new Outcome("generated " + summary.reports() + " reports of " + year + " in partition " + partition
				+ " (" + roots.size() + " subtrees) in " + summary.millis() + " ms", counts);
	}

	private Outcome topWork(ReportGeneration reports, int year, List<String> tops, int partitions) {
		long started = System.nanoTime();
		int generated = 0;
		for (String top : tops) {
			generated += reports.generateTop(year, top).reports();
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("year", year);
		counts.put("partitions", partitions);
		counts.put("reports", generated);
		counts.put("millis", millis);
		return new Outcome("generated " + generated + " reports of " + year + " above " + partitions + " partitions in "
				+ millis + " ms", counts);
	}

	/**
	 * Starts computing (or recomputing) the reports of {@code year} for
	 * {@code underOrganizationId} and everything below it (everything when null), waiting
	 * up to {@code oversight.scheduler.report-wait}.
	 * @return the run: SUCCEEDED (or FAILED) when it ended in time, otherwise RUNNING,
	 * and the run goes on in the background and updates its record when it ends
	 */
	public JobRun generate(int year, String underOrganizationId) {
		return generate(year, underOrganizationId, this.properties.reportWait());
	}

	/** {@link #generate(int, String)} waiting at most {@code wait}. */
	public JobRun generate(int year, String underOrganizationId, Duration wait) {
		if (year > this.today.date().getYear()) {
			throw DomainException.invalid("year",
					"must not be after the current year (" + this.today.date().getYear() + ")");
		}
		if (underOrganizationId != null && !this.organizations.existsById(underOrganizationId)) {
			throw DomainException.notFound("under", "Organization", underOrganizationId);
		}
		JobRun run = this.runs.start(JobNames.ECOLOGY_REPORTS);
		String actor = Actor.current();
		CompletableFuture<JobRun> done = CompletableFuture.supplyAsync(
				() -> Actor.as(actor, () -> this.runs.complete(run, () -> work(year, underOrganizationId))),
				this.background);
		try {
			return done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return this.jobRuns.get(run.id()).orElse(run);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return this.jobRuns.get(run.id()).orElse(run);
		}
		catch (ExecutionException ex) {
			// an Error in the background: recorded as FAILED by RecordedRuns
			return this.jobRuns.get(run.id()).orElse(run);
		}
	}

	/**
	 * Catches up a missed yearly fire: when the reports of the {@link #dueYear()} were
	 * never generated for the whole tree (no SUCCEEDED run says that year), generates
	 * them, once across processes: under a lease, and only if still missing once the
	 * lease is held.
	 * @return the catch-up run, or empty when nothing was missing or another process is
	 * catching up
	 */
	public Optional<JobRun> catchUp() {
		OptionalInt due = dueYear();
		if (due.isEmpty() || generated(due.getAsInt())) {
			return Optional.empty();
		}
		int year = due.getAsInt();
		Optional<Leases.Lease> lease = this.leases.acquire(CATCH_UP_LEASE);
		if (lease.isEmpty()) {
			logger.info("Another process is catching up the {} ecology reports", year);
			return Optional.empty();
		}
		try (Leases.Lease held = lease.get()) {
			if (generated(year)) {
				return Optional.empty();
			}
			logger.info("The {} ecology reports were never generated: catching up", year);
			return Optional.of(this.runs.complete(this.runs.start(JobNames.ECOLOGY_REPORTS), () -> {
				Outcome outcome = work(year, null);
				Map<String, Object> counts = new LinkedHashMap<>(outcome.counts());
				counts.put("catchUp", true);
				return new Outcome("caught up: " + outcome.message(), counts);
			}));
		}
	}

	/** {@link #catchUp()} on the background executor, so start-up does not wait. */
	public CompletableFuture<Optional<JobRun>> catchUpInBackground() {
		return CompletableFuture.supplyAsync(this::catchUp, this.background).whenComplete((run, ex) -> {
			if (ex != null) {
				logger.warn("The catch-up of missed ecology reports failed; the next start tries again", ex);
			}
		});
	}

	/**
	 * The year whose reports the latest fire due by now asked for (each fire asks for the
	 * year before its own): last year once this year's first fire time has passed, the
	 * year before until then; none when the cron fired in neither year.
	 */
	public OptionalInt dueYear() {
		return dueYear(this.properties.ecologyReportsCron(), this.zone, this.today.now());
	}

	static OptionalInt dueYear(String cron, ZoneId zone, Instant now) {
		int year = now.atZone(zone).getYear();
		Instant thisYear = firstFireOf(cron, zone, year);
		if (thisYear != null && !thisYear.isAfter(now)) {
			return OptionalInt.of(year - 1);
		}
		return (firstFireOf(cron, zone, year - 1) != null) ? OptionalInt.of(year - 2) : OptionalInt.empty();
	}

	private static Instant firstFireOf(String cron, ZoneId zone, int year) {
		try {
			CronExpression expression = new CronExpression(cron);
			expression.setTimeZone(TimeZone.getTimeZone(zone));
			Instant yearStart = LocalDateTime.of(year, 1, 1, 0, 0).atZone(zone).toInstant();
			Date first = expression.getTimeAfter(Date.from(yearStart.minusMillis(1)));
			return (first != null && first.toInstant().atZone(zone).getYear() == year) ? first.toInstant() : null;
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException("oversight.scheduler.ecology-reports-cron: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether a run generated every organization's reports of the year: a SUCCEEDED
	 * {@value JobNames#ECOLOGY_REPORTS} run of that year for the whole tree (in one
	 * piece, or the last step of a split fire, after all its partitions).
	 */
	public boolean generated(int year) {
		return this.mongo.exists(Query.query(Criteria.where("job")
			.is(JobNames.ECOLOGY_REPORTS)
			.and("state")
			.is(JobState.SUCCEEDED)
			.and("counts.year")
			.is(year)
			.and("counts.under")
			.exists(false)
			.and("counts.partition")
			.exists(false)), JobRun.class);
	}

	private Outcome work(int year, String underOrganizationId) {
		ReportGeneration reports = this.generation.getIfAvailable();
		if (reports == null) {
			throw new IllegalStateException(MISSING);
		}
		ReportGeneration.Summary summary = reports.generate(year, underOrganizationId);
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("year", year);
		if (underOrganizationId != null) {
			counts.put("under", underOrganizationId);
		}
		counts.put("reports", summary.reports());
		counts.put("millis", summary.millis());
		return new Outcome("generated " + summary.reports() + " reports of " + year
				+ ((underOrganizationId != null) ? " under " + underOrganizationId : "") + " in " + summary.millis()
				+ " ms", counts);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.background.shutdown();
		if (!this.background.awaitTermination(5, TimeUnit.SECONDS)) {
			this.background.shutdownNow();
		}
	}

}
