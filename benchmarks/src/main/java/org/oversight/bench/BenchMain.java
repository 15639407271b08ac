package org.oversight.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import org.oversight.analytics.report.EcologyReportService;
import org.oversight.core.common.Today;
import org.oversight.core.readmodel.ReadModels;

/**
 * The benchmark: one run at one size (system properties {@code bench.*}, see
 * docs/benchmarks.md). Starts the server in this JVM, loads the data in bulk, then runs
 * the phases asked for, each server figure next to its raw-driver limit, and writes a
 * Markdown report of the run to {@code bench.results}.
 */
public final class BenchMain {

	private final Settings settings;

	private final Report report;

	private BenchMain(Settings settings) {
		this.settings = settings;
		this.report = new Report(settings);
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromSystemProperties();
		int status = 0;
		try {
			new BenchMain(settings).run();
		}
		catch (Exception ex) {
			ex.printStackTrace();
			status = 1;
		}
		// nothing of the run may stay behind (client threads and the server are daemons
		// or closed)
		System.exit(status);
	}

	record Settings(DataSize size, Set<String> phases, List<Integer> clients, Duration warmup, Duration measure,
			String mongoUri, Path dataDir, Path results, List<Integer> partitions, Path guide, int verifyTargets,
			long seed, String backend, String store, String sweepScope, Set<String> queries) {

		/** A property, or the default when absent or blank (Maven passes blanks). */
		static String property(String name, String fallback) {
			String value = System.getProperty(name);
			return (value == null || value.isBlank()) ? fallback : value.strip();
		}

		static Settings fromSystemProperties() {
			DataSize size = DataSize.of(property("bench.size", "S"));
			String uri = property("bench.mongodb-uri", "");
			String phases = property("bench.phases", "all");
			Set<String> set = phases.equals("all") ? Set.of("sweep", "queries", "reports", "partitions")
					: Set.of(phases.split(","));
			String backend = property("bench.backend", size.equals(DataSize.S) ? "h2" : "memory");
			if (size.equals(DataSize.L) && uri.isEmpty()) {
				throw new IllegalArgumentException(
						"Size L needs a real MongoDB: -Dbench.mongodb-uri=mongodb://host/oversight_bench");
			}
			return new Settings(size, set, integers(property("bench.clients", "16")),
					Duration.ofSeconds(Long.parseLong(property("bench.warmup", "10"))),
					Duration.ofSeconds(Long.parseLong(property("bench.measure", "20"))), uri,
					Path.of(property("bench.data-dir", "target/bench-data")),
					Path.of(property("bench.results", "target/bench-results")),
					integers(property("bench.partitions", "1,2,4")),
					Path.of(property("bench.guide", "../docs/api-guide.md")),
					Integer.parseInt(property("bench.verify-targets", "3")),
					Long.parseLong(property("bench.seed", "20261122")), backend, property("bench.store", "oversight"),
					property("bench.sweep-scope", "all"),
					Set.of(property("bench.queries", "floor," + String.join(",", DashboardQueries.NAMES)).split(",")));
		}

	}

	private static List<Integer> integers(String list) {
		return Arrays.stream(list.split(","))
			.filter((p) -> !p.isBlank())
			.map(String::strip)
			.map(Integer::valueOf)
			.toList();
	}

	private void run() throws Exception {
		this.report.machine();
		DataSize size = this.settings.size();
		String uri = this.settings.mongoUri();
		StoreProcess ownStore = null;
		if (uri.isEmpty() && this.settings.store().equals("separate")) {
			// the same embedded server and backend in a JVM of its own: the server's heap
			// and the store's measured apart
			deleteRecursively(this.settings.dataDir().resolve(size.name() + "-store"));
			java.nio.file.Files.createDirectories(this.settings.dataDir().resolve(size.name() + "-store"));
			ownStore = StoreProcess.start(this.settings.backend(),
					this.settings.dataDir().resolve(size.name() + "-store"),
					Settings.property("bench.store-xmx", "12g"),
					Settings.property("bench.store-jvm-args", "-XX:+UseG1GC"));
			uri = ownStore.uri;
			this.report.line("- store: mongo-java-server (%s backend) in a separate JVM, %s", this.settings.backend(),
					uri);
		}
		boolean embedded = uri.isEmpty();
		Path dataDir = this.settings.dataDir().resolve(size.name());
		if (embedded) {
			deleteRecursively(dataDir);
		}
		ServerUnderTest server = ServerUnderTest.start(this.settings.backend(), dataDir, uri);
		try {
			long emptyHeap = Heap.afterGc();
			this.report.line("Server started (empty database) in %d ms; heap after GC %s", server.startMillis,
					Heap.mib(emptyHeap));
			Today today = server.bean(Today.class);
			try (MongoClient client = client(server.mongoUri)) {
				MongoDatabase db = client.getDatabase(new ConnectionString(server.mongoUri).getDatabase());
				long existing = db.getCollection("organizations").countDocuments();
				if (existing == 0) {
					load(db, today);
					// the bulk load writes around the services, as a restore does:
					// rebuild the
					// read models (lookup lists, subtree tallies) as an operator would
					long started = System.nanoTime();
					ReadModels.Rebuild rebuilt = server.bean(ReadModels.class).rebuild();
					this.report.line(
							"Read models rebuilt after the bulk load in %.1f s (%,d lookup keys, tallies of %,d organizations)",
							(System.nanoTime() - started) / 1e9, rebuilt.lookupKeys(),
							rebuilt.tallies().organizations());
				}
				else {
					this.report.line("Database already holds %d organizations: not loaded again", existing);
				}
			}
			long loadedHeap = Heap.afterGc();
			this.report.heap("after loading (server idle)", loadedHeap, emptyHeap);
			if (ownStore != null) {
				this.report.storeHeap("after loading", ownStore.heap());
			}
			if (embedded && this.settings.backend().equals("h2")) {
				// start-up with the data already stored: a fresh server on the same file
				server.close();
				server = ServerUnderTest.start(this.settings.backend(), dataDir, uri);
				this.report.startup(server.startMillis);
			}
			phases(server, today);
		}
		finally {
			server.close();
			if (ownStore != null) {
				this.report.storeHeap("at the end", ownStore.heap());
				ownStore.close();
			}
			this.report.write();
		}
	}

	private void phases(ServerUnderTest server, Today today) throws Exception {
		LocalDate day = today.date();
		try (MongoClient client = client(server.mongoUri)) {
			MongoDatabase db = client.getDatabase(new ConnectionString(server.mongoUri).getDatabase());
			if (this.settings.phases().contains("sweep")) {
				this.report.section("The overdue sweep");
				Cpu cpu = Cpu.start();
				String scope = null;
				if (!this.settings.sweepScope().equals("all")) {
					scope = RawDashboard.id(db.getCollection("organizations")
						.find(Filters.eq("code", this.settings.sweepScope()))
						.first());
				}
				Jobs.SweepFigures sweep = Jobs.sweep(server, db, day, scope);
				this.report.sweep(sweep);
				this.report.cpu(cpu);
			}
			if (this.settings.phases().contains("queries")) {
				queries(server, db, day);
			}
			if (this.settings.phases().contains("reports")) {
				this.report.section("Annual reports of the whole province");
				Cpu cpu = Cpu.start();
				Jobs.ReportFigures first = Jobs.reports(server, db, day.getYear() - 1, day);
				this.report.reports(first, "first run (inserts)");
				this.report.cpu(cpu);
				this.report.rawWrite(first, Jobs.rawReportWrite(db, day.getYear() - 1));
				cpu = Cpu.start();
				this.report.reports(Jobs.reports(server, db, day.getYear() - 1, day), "repeat (writes what changed)");
				this.report.cpu(cpu);
			}
			if (this.settings.phases().contains("partitions")) {
				partitions(server, db, day.getYear() - 1);
			}
			if (this.settings.phases().contains("import")) {
				imports(server, client, db);
			}
			this.report.heap("at the end", Heap.afterGc(), -1);
		}
	}

	/**
	 * Files of 100,000 rows imported through {@code Importer.importFile} into this
	 * server, each against the raw driver inserting the same documents (see
	 * {@link ImportBench}).
	 */
	private void imports(ServerUnderTest server, MongoClient client, MongoDatabase db) throws Exception {
		this.report.section("Bulk import (" + ImportBench.ROWS + " rows a file, Importer.importFile as an ADMIN)");
		ImportBench bench = new ImportBench(server, client, db, this.settings.dataDir().resolve("import"));
		String files = Settings.property("bench.import-files", "all");
		for (ImportBench.File file : bench.files(this.settings.seed(),
				files.equals("all") ? ImportBench.FILES : Set.of(files.split(",")))) {
			this.report.line("- %s: written in %,d ms, %,d bytes", file.label(), file.generateMillis(),
					java.nio.file.Files.size(file.path()));
			this.report.imported(bench.measure(file));
			this.report.line("  - load average %s", Report.loadAverage());
		}
	}

	private void load(MongoDatabase db, Today today) {
		this.report.section("Loading " + this.settings.size().name());
		Cpu cpu = Cpu.start();
		BulkGenerator.Summary summary = new BulkGenerator(db, this.settings.size(), this.settings.seed(), today.date(),
				today.now())
			.run();
		this.report.loaded(summary);
		this.report.cpu(cpu);
	}

	private void queries(ServerUnderTest server, MongoDatabase db, LocalDate today) throws Exception {
		this.report.section("Dashboard queries (" + this.settings.clients() + " concurrent clients, warm-up "
				+ this.settings.warmup().toSeconds() + " s, measured " + this.settings.measure().toSeconds() + " s)");
		List<DashboardQueries.Dashboard> dashboards = DashboardQueries.dashboards(this.settings.guide(), db, today);
		GraphQlClient graphql = new GraphQlClient(server.base(), server.token());
		RawDashboard raw = new RawDashboard(db, today);
		for (int clients : this.settings.queries().contains("floor") ? this.settings.clients() : List.<Integer>of()) {
			// what any request costs before it reads anything: HTTP, the token, GraphQL
			Cpu cpu = Cpu.start();
			LoadDriver.Result floor = LoadDriver.run("floor ({ __typename })", clients, this.settings.warmup(),
					this.settings.measure(), (i) -> graphql.execute("{ __typename }", Map.of()));
			this.report.floor(floor);
			this.report.line("  - window %s", cpu.since());
		}
		for (DashboardQueries.Dashboard dashboard : dashboards) {
			if (!this.settings.queries().contains(dashboard.name())) {
				continue;
			}
			// the same answer first, and the commands each side sends for it
			int checked = 0;
			int mismatches = 0;
			int serverCommands = 0;
			int rawCommands = 0;
			String firstMismatch = null;
			for (int i = 0; i < Math.min(this.settings.verifyTargets(), dashboard.targets().size()); i++) {
				Map<String, Object> target = dashboard.targets().get(i);
				int before = ServerUnderTest.COMMANDS.count.get();
				Document served = graphql.execute(dashboard.document(), target);
				serverCommands = Math.max(serverCommands, ServerUnderTest.COMMANDS.count.get() - before);
				before = raw.commands.get();
				Document answered = DashboardQueries.normalised(raw.answer(dashboard.name(), target));
				rawCommands = Math.max(rawCommands, raw.commands.get() - before);
				checked++;
				if (!answered.equals(DashboardQueries.normalised(served))) {
					mismatches++;
					if (firstMismatch == null) {
						firstMismatch = target + "\nserver: " + abbreviate(served.toJson()) + "\nraw:    "
								+ abbreviate(answered.toJson());
					}
				}
			}
			this.report.verified(dashboard.name(), checked, mismatches, firstMismatch, serverCommands, rawCommands);
			for (int clients : this.settings.clients()) {
				Heap.Peak peak = Heap.Peak.start();
				Cpu cpu = Cpu.start();
				double writes = Double.parseDouble(Settings.property("bench.writes", "0"));
				TalkWriter writer = TalkWriter.start(graphql, db, writes, today);
				LoadDriver.Result served = LoadDriver.run(dashboard.name() + " (server)", clients,
						this.settings.warmup(), this.settings.measure(),
						(i) -> graphql.execute(dashboard.document(), dashboard.target(i)));
				String serverCpu = cpu.since();
				if (writer != null) {
					writer.close();
				}
				long peakHeap = peak.stop();
				long afterGc = Heap.afterGc();
				cpu = Cpu.start();
				// -Dbench.raw-window=false (through bench.jvm-args) leaves the raw window
				// out, for
				// profiling runs of the server side
				LoadDriver.Result direct = Boolean.parseBoolean(Settings.property("bench.raw-window", "true"))
						? LoadDriver.run(dashboard.name() + " (raw driver)", clients, this.settings.warmup(),
								this.settings.measure(), (i) -> raw.answer(dashboard.name(), dashboard.target(i)))
						: new LoadDriver.Result(dashboard.name() + " (raw driver)", clients, 0, 0, 0, 0, 0, 0, 0, 0,
								"not run (bench.raw-window=false)");
				this.report.queries(dashboard, served, direct, peakHeap, afterGc);
				if (writer != null) {
					this.report.line("  - meanwhile, %s talks a second: %s", writes, writer);
				}
				this.report.line("  - server window %s; raw window %s", serverCpu, cpu.since());
			}
		}
	}

	/**
	 * The report job split by subtree, as the scheduler splits it: the roots' children
	 * dealt to N partitions ({@code EcologyReportService.split}: largest first, each to
	 * the lightest partition), the partitions run at once (one thread each, as N
	 * processes would), each one pass over its subtrees, then the root from its
	 * children's roll-ups. Every split starts without reports (all are inserted, like a
	 * first whole run) and its reports are compared with those of one whole run by their
	 * content digests.
	 */
	private void partitions(ServerUnderTest server, MongoDatabase db, int year) throws Exception {
		this.report.section("The report job split into partitions by subtree");
		EcologyReportService service = server.bean(EcologyReportService.class);
		Map<String, String> existing = digests(db);
		if (existing.isEmpty()) {
			long started = System.nanoTime();
			EcologyReportService.Summary summary = service.generate(year, null);
			this.report.line("- one whole run first (for the comparison): %,d reports in %,d ms", summary.reports(),
					Jobs.millis(started));
			existing = digests(db);
		}
		Map<String, String> whole = existing;
		for (int n : this.settings.partitions()) {
			db.getCollection("ecology_reports").deleteMany(new Document());
			db.getCollection("ecology_rollups").deleteMany(new Document());
			EcologyReportService.Split split = service.split(n);
			List<List<String>> parts = split.partitions();
			Cpu cpu = Cpu.start();
			long[] took = new long[parts.size()];
			int[] reports = new int[parts.size()];
			List<Thread> threads = new ArrayList<>();
			AtomicLong failures = new AtomicLong();
			long started = System.nanoTime();
			for (int i = 0; i < parts.size(); i++) {
				int part = i;
				Thread thread = new Thread(() -> {
					long begin = System.nanoTime();
					try {
						reports[part] = service.generatePartition(year, parts.get(part)).reports();
					}
					catch (RuntimeException ex) {
						failures.incrementAndGet();
						ex.printStackTrace();
					}
					took[part] = Jobs.millis(begin);
				}, "partition-" + i);
				threads.add(thread);
				thread.start();
			}
			for (Thread thread : threads) {
				thread.join();
			}
			long topStarted = System.nanoTime();
			int topReports = 0;
			for (String top : split.tops()) {
				topReports += service.generateTop(year, top).reports();
			}
			long topMillis = Jobs.millis(topStarted);
			long wall = Jobs.millis(started);
			Map<String, String> after = digests(db);
			long differing = whole.entrySet()
				.stream()
				.filter((e) -> !e.getValue().equals(after.get(e.getKey())))
				.count() + after.keySet().stream().filter((id) -> !whole.containsKey(id)).count();
			this.report.partitions(n, parts.stream().map(List::size).toList(), took, reports, topMillis, topReports,
					wall, cpu.processMillis(), failures.get(), differing);
			this.report.cpu(cpu);
		}
	}

	/** The content digest of every stored report, by id. */
	private static Map<String, String> digests(MongoDatabase db) {
		Map<String, String> digests = new LinkedHashMap<>();
		db.getCollection("ecology_reports")
			.find()
			.projection(new Document("contentDigest", 1))
			.forEach((d) -> digests.put(String.valueOf(d.get("_id")), String.valueOf(d.get("contentDigest"))));
		return digests;
	}

	private static MongoClient client(String uri) {
		// patient with a busy embedded server: it answers on the event loop that also
		// runs
		// the scans, so heartbeats can wait longer than the driver's default 10 s
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(uri))
			.applyToConnectionPoolSettings((pool) -> pool.maxSize(64).maxWaitTime(5, TimeUnit.MINUTES))
			.applyToSocketSettings((socket) -> socket.connectTimeout(2, TimeUnit.MINUTES))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.MINUTES))
			.build());
	}

	private static String abbreviate(String text) {
		return (text.length() > 1500) ? text.substring(0, 1500) + "…" : text;
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/** Heap figures of this JVM. */
	static final class Heap {

		static long afterGc() {
			for (int i = 0; i < 3; i++) {
				System.gc();
				Jobs.sleep(100);
			}
			return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		}

		static String mib(long bytes) {
			return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
		}

		/** The largest heap use seen while running (garbage included). */
		static final class Peak {

			private final AtomicLong peak = new AtomicLong();

			private volatile boolean running = true;

			private final Thread thread;

			private Peak() {
				this.thread = new Thread(() -> {
					while (this.running) {
						this.peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
								Math::max);
						Jobs.sleep(200);
					}
				}, "heap-peak");
				this.thread.setDaemon(true);
				this.thread.start();
			}

			static Peak start() {
				return new Peak();
			}

			long stop() {
				this.running = false;
				return this.peak.get();
			}

		}

	}

	/** The Markdown report of the run, printed as it goes and written at the end. */
	static final class Report {

		private final Settings settings;

		private final StringBuilder text = new StringBuilder();

		private final List<String> summary = new ArrayList<>();

		Report(Settings settings) {
			this.settings = settings;
		}

		void machine() {
			String when = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
			line("# Benchmark run, size %s, %s", this.settings.size().name(), when);
			line("");
			line("- machine: %d cores, %s memory; %s %s (%s); max heap %s; %s",
					Runtime.getRuntime().availableProcessors(), memory(), System.getProperty("java.vm.name"),
					System.getProperty("java.version"), System.getProperty("java.vendor"),
					Heap.mib(Runtime.getRuntime().maxMemory()),
					ManagementFactory.getRuntimeMXBean().getInputArguments());
			line("- database: %s",
					this.settings.mongoUri().isEmpty()
							? "embedded server (mongo-java-server), " + this.settings.backend() + " backend"
							: "MongoDB at a URI");
			line("- load average at start: %s", loadAverage());
		}

		void section(String title) {
			line("");
			line("## %s", title);
			line("");
		}

		void cpu(Cpu cpu) {
			line("  - %s; load average %s", cpu.since(), loadAverage());
		}

		void loaded(BulkGenerator.Summary summary) {
			line("- %,d documents in %,d ms (%,.0f documents/s): %s", summary.total(), summary.millis(),
					summary.total() * 1000.0 / Math.max(1, summary.millis()), summary.counts());
			this.summary.add(String.format(Locale.ROOT, "| load %s | %,d documents | %.1f s | | |",
					this.settings.size().name(), summary.total(), summary.millis() / 1000.0));
		}

		void startup(long millis) {
			line("- start-up to healthy with %s stored: %,d ms", this.settings.size().name(), millis);
			this.summary.add(String.format(Locale.ROOT, "| start-up to healthy, %s stored | | %.1f s | | |",
					this.settings.size().name(), millis / 1000.0));
		}

		void storeHeap(String when, long bytes) {
			line("- the store's JVM, heap after GC %s: %s", when, Heap.mib(bytes));
			this.summary.add(String.format(Locale.ROOT, "| heap after GC of the store's JVM, %s | %s | | | |", when,
					Heap.mib(bytes)));
		}

		void heap(String when, long bytes, long empty) {
			line("- heap after GC %s: %s%s", when, Heap.mib(bytes),
					(empty >= 0) ? " (the data's share: " + Heap.mib(bytes - empty) + ")" : "");
			this.summary.add(String.format(Locale.ROOT, "| heap after GC, %s | %s | | | |", when, Heap.mib(bytes)));
		}

		void sweep(Jobs.SweepFigures f) {
			int issued = f.first().remindersIssued() + f.first().escalations() + f.first().summonses();
			line("- raw updates, whole province: %,d steps in %,d ms", f.rawSteps(), f.rawMillis());
			if (f.scope() != null) {
				line("- swept by the service: the subtree of %s only (%,d steps; raw updates for it: %,d ms)",
						this.settings.sweepScope(), f.scopeSteps(), f.scopeRawMillis());
			}
			line("- OverdueSweep.sweep first run: %,d ms, %s", f.firstMillis(), f.first());
			line("- repeat: %,d ms, %s", f.repeatMillis(), f.repeat());
			line("- repeat once more: %,d ms", f.againMillis());
			line("- the API's overdue feed used %,d ms of CPU during the first run, and stayed busy %,d ms after it%s",
					f.feedCpuMillis(), Math.abs(f.feedMillis()),
					(f.feedMillis() < 0) ? " (still busy when the wait gave up)" : "");
			if (issued != f.scopeSteps()) {
				line("- **the service issued %d steps, the raw run %d**", issued, f.scopeSteps());
			}
			this.summary
				.add(String.format(Locale.ROOT, "| sweep%s, first run (%,d steps) | %,d ms | %,d ms | %.1f× | |",
						(f.scope() != null) ? " of " + this.settings.sweepScope() : "", issued, f.firstMillis(),
						f.scopeRawMillis(), f.firstMillis() / (double) Math.max(1, f.scopeRawMillis())));
			if (f.scope() != null && issued > 0) {
				long estimate = f.firstMillis() * f.rawSteps() / issued;
				line("- whole province, estimated from the subtree's time per step: %,d ms for %,d steps", estimate,
						f.rawSteps());
				this.summary.add(String.format(Locale.ROOT,
						"| sweep of the province, first run (%,d steps), **estimated** | ~%,d s | %,d ms | ~%.0f× | |",
						f.rawSteps(), estimate / 1000, f.rawMillis(), estimate / (double) Math.max(1, f.rawMillis())));
			}
			line("- raw reads of the repeat (nothing due, nothing written): %,d ms", f.rawRepeatMillis());
			this.summary.add(String.format(Locale.ROOT, "| sweep%s, repeat | %,d ms | %,d ms | %.1f× | |",
					(f.scope() != null) ? " of " + this.settings.sweepScope() : "", f.repeatMillis(),
					f.rawRepeatMillis(), f.repeatMillis() / (double) Math.max(1, f.rawRepeatMillis())));
			if (f.provinceRepeat() != null) {
				line("- the rest of the province swept by raw updates, then OverdueSweep.sweep of the whole province: %,d ms, %s",
						f.provinceRepeatMillis(), f.provinceRepeat());
				this.summary.add(String.format(Locale.ROOT, "| sweep of the province, repeat | %,d ms | | | |",
						f.provinceRepeatMillis()));
			}
		}

		void imported(ImportBench.Figures f) {
			ImportBench.File file = f.file();
			if (f.checkMillis() >= 0) {
				line("  - check mode (read and validate, no write): %,d ms", f.checkMillis());
			}
			line("  - import: %,d ms (%,.0f rows/s): %s; heap peak %s; %s", f.importMillis(),
					file.rows() * 1000.0 / Math.max(1, f.importMillis()), ImportBench.summary(f.result()),
					Heap.mib(f.peakHeap()), f.cpu());
			line("  - stored: %s", f.stored());
			line("  - the same file again: %,d ms: %s", f.againMillis(), ImportBench.summary(f.again()));
			line("  - raw driver, the same %,d documents with insertMany (1,000 a batch): %,d ms; import ÷ raw %.1f×",
					f.stored().values().stream().mapToInt(Integer::intValue).sum(), f.rawMillis(), f.ratio());
			f.problems().forEach((p) -> line("  - **%s**", p));
			this.summary.add(String.format(Locale.ROOT, "| import of %s, %,d rows | %.1f s | %.1f s | %.1f× | %s |",
					file.label(), file.rows(), f.importMillis() / 1000.0, f.rawMillis() / 1000.0, f.ratio(),
					(f.problems().isEmpty() ? "nothing changed by the "
							: "**" + String.join("; ", f.problems()) + "**; ")
							+ String.format(Locale.ROOT, "re-import: %.1f s%s", f.againMillis() / 1000.0,
									(f.checkMillis() >= 0) ? String.format(Locale.ROOT, "; check mode %.1f s",
											f.checkMillis() / 1000.0) : "")));
		}

		void verified(String name, int checked, int mismatches, String first, int serverCommands, int rawCommands) {
			line("- %s: same answer on %d of %d targets; commands per request: server %d, raw %d", name,
					checked - mismatches, checked, serverCommands, rawCommands);
			if (first != null) {
				line("  - first difference: %s", first.replace("\n", "\n    "));
			}
		}

		void floor(LoadDriver.Result floor) {
			line("- %s", floor);
			this.summary.add(String.format(Locale.ROOT,
					"| floor: `{ __typename }`, %d clients | p50 %.0f / p99 %.0f ms, %.1f/s | | | what a request costs before reading: HTTP, token, GraphQL; %d requests, %d errors |",
					floor.clients(), floor.p50(), floor.p99(), floor.throughput(), floor.count(), floor.errors()));
		}

		void queries(DashboardQueries.Dashboard dashboard, LoadDriver.Result served, LoadDriver.Result direct,
				long peakHeap, long afterGc) {
			line("- %s", served);
			line("- %s", direct);
			line("- heap during the server window: peak %s, after GC %s", Heap.mib(peakHeap), Heap.mib(afterGc));
			String raw = (direct.count() == 0) ? "none finished in the window" : String.format(Locale.ROOT,
					"p50 %.0f / p99 %.0f ms, %.1f/s", direct.p50(), direct.p99(), direct.throughput());
			String ratio = (direct.count() == 0 || served.count() == 0) ? "" : String.format(Locale.ROOT,
					"%.1f× / %.1f×", served.p50() / direct.p50(), served.p99() / direct.p99());
			this.summary.add(String.format(Locale.ROOT,
					"| %s, %d clients (%d targets) | p50 %.0f / p99 %.0f ms, %.1f/s | %s | %s | %d + %d requests, %d errors |",
					dashboard.name(), served.clients(), dashboard.targets().size(), served.p50(), served.p99(),
					served.throughput(), raw, ratio, served.count(), direct.count(),
					served.errors() + direct.errors()));
		}

		void reports(Jobs.ReportFigures f, String which) {
			line("- %s: EcologyReportService.generate(%d, null): %,d reports (%,d written) in %,d ms (CPU of this JVM %,d ms); raw scan of the sources: %,d documents in %,d ms (%.1f×)",
					which, f.year(), f.reports(), f.written(), f.serviceMillis(), f.serviceCpuMillis(),
					f.rawDocuments(), f.rawMillis(), f.serviceMillis() / (double) Math.max(1, f.rawMillis()));
			this.summary.add(String.format(Locale.ROOT,
					"| reports of the province, %s (%,d, %,d written) | %.1f s | %.1f s | %.1f× | |", which,
					f.reports(), f.written(), f.serviceMillis() / 1000.0, f.rawMillis() / 1000.0,
					f.serviceMillis() / (double) Math.max(1, f.rawMillis())));
		}

		void rawWrite(Jobs.ReportFigures first, Jobs.RawWrite write) {
			long beyond = first.serviceMillis() - first.rawMillis() - write.millis();
			line("- the store's own writing of those reports: the raw driver inserting the same %,d documents (%,d MB of BSON) took %,d ms; the first run against the raw scan and these inserts together: %.1f×; beyond them: %,d ms",
					write.reports(), write.bytes() >> 20, write.millis(),
					first.serviceMillis() / (double) Math.max(1, first.rawMillis() + write.millis()), beyond);
			this.summary.add(String.format(Locale.ROOT,
					"| reports of the province, first run, against the raw scan and the raw inserts of its %,d reports | %.1f s | %.1f s + %.1f s | %.1f× | |",
					write.reports(), first.serviceMillis() / 1000.0, first.rawMillis() / 1000.0,
					write.millis() / 1000.0,
					first.serviceMillis() / (double) Math.max(1, first.rawMillis() + write.millis())));
		}

		void partitions(int n, List<Integer> subtrees, long[] took, int[] reports, long topMillis, int topReports,
				long wall, long cpuMillis, long failures, long differing) {
			long work = Arrays.stream(took).sum() + topMillis;
			line("- %d partitions: wall %,d ms; subtrees %s, ms %s, reports %s; then the root: %,d ms (%d report); partitions' and root's times added up %,d ms; CPU of this JVM %,d ms; reports differing from the whole run's: %,d%s",
					n, wall, subtrees, Arrays.toString(took), Arrays.toString(reports), topMillis, topReports, work,
					cpuMillis, differing, (failures > 0) ? ", **" + failures + " failed**" : "");
			this.summary.add(String.format(Locale.ROOT,
					"| reports split in %d partitions (%,d reports) | wall %.1f s | | | slowest partition %.1f s, root %.1f s, times added up %.1f s, CPU %.1f s; %,d differ from the whole run |",
					n, Arrays.stream(reports).sum() + topReports, wall / 1000.0,
					Arrays.stream(took).max().orElse(0) / 1000.0, topMillis / 1000.0, work / 1000.0, cpuMillis / 1000.0,
					differing));
		}

		void line(String format, Object... args) {
			String line = String.format(Locale.ROOT, format, args);
			System.out.println(line);
			System.out.flush();
			this.text.append(line).append('\n');
		}

		void write() throws IOException {
			StringBuilder all = new StringBuilder(this.text);
			all.append(
					"\n## Summary\n\n| figure | Oversight | raw driver | ratio | notes |\n| --- | --- | --- | --- | --- |\n");
			this.summary.forEach((row) -> all.append(row).append('\n'));
			System.out.println(all.substring(this.text.length()));
			Files.createDirectories(this.settings.results());
			Path file = this.settings.results()
				.resolve(this.settings.size().name() + "-"
						+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
			Files.writeString(file, all, StandardCharsets.UTF_8);
			System.out.println("Written to " + file.toAbsolutePath());
		}

		static String loadAverage() {
			try {
				return Files.readString(Path.of("/proc/loadavg")).strip();
			}
			catch (IOException ex) {
				return String.format(Locale.ROOT, "%.2f",
						ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			}
		}

		static String memory() {
			try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
				return lines.filter((l) -> l.startsWith("MemTotal"))
					.map((l) -> String.format(Locale.ROOT, "%.1f GiB",
							Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0))
					.collect(Collectors.joining());
			}
			catch (IOException ex) {
				return "?";
			}
		}

	}

}
