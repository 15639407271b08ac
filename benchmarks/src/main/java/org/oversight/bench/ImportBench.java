package org.oversight.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;

import org.oversight.api.transfer.ImportFormat;
import org.oversight.api.transfer.ImportMode;
import org.oversight.api.transfer.ImportResult;
import org.oversight.api.transfer.Importer;
import org.oversight.api.transfer.TransferKind;
import org.oversight.api.viewer.Role;
import org.oversight.api.viewer.Viewer;

/**
 * The import phase: files of 100,000 rows written here (seeded), imported through the
 * public
 * {@link Importer#importFile(TransferKind, Path, ImportFormat, Viewer, ImportMode)} into
 * the server under test as an unscoped ADMIN, imported again (nothing may change), and
 * set against the raw driver's limit: the same documents the import stored, read back and
 * inserted with {@code insertMany} in batches of 1,000 into a scratch database of the
 * same server with the same indexes. After each file the documents it created are
 * deleted, so every file meets the same database.
 */
final class ImportBench {

	static final int ROWS = 100_000;

	private static final int BATCH = 1_000;

	/** The collections an import of these files writes (the audit entry aside). */
	private static final List<String> COLLECTIONS = List.of("organizations", "cadres", "appointments",
			"principal_seats", "talks", "findings", "finding_informants", "rectifications", "import_keys");

	/** Rows of the records file: half talks, a quarter findings, a quarter tasks. */
	static final int RECORDS = ROWS;

	private static final String SCRATCH = "bench_import_raw";

	/** One file: what it holds, how it was written, and what the import must do. */
	record File(String label, TransferKind kind, ImportFormat format, Path path, int rows, long generateMillis,
			Map<String, Integer> expected) {
	}

	/**
	 * @param importMillis the import, from the file on disk to the last write
	 * @param result what it reported
	 * @param peakHeap the heap's peak during the import (garbage included)
	 * @param cpu who used the CPU during the import
	 * @param checkMillis the same file in check mode (read and validated, nothing
	 * written); -1 when not run
	 * @param again the import of the same file once more
	 * @param againMillis its time
	 * @param stored the documents the import created, by collection
	 * @param rawMillis the raw driver inserting those documents
	 * @param problems what was not as expected (empty when all was)
	 */
	record Figures(File file, long importMillis, ImportResult result, long peakHeap, String cpu, long checkMillis,
			ImportResult again, long againMillis, Map<String, Integer> stored, long rawMillis, List<String> problems) {

		double ratio() {
			return this.importMillis / (double) Math.max(1, this.rawMillis);
		}

	}

	private final Importer importer;

	private final MongoClient client;

	private final MongoDatabase db;

	private final Path dir;

	private final Viewer viewer = new Viewer("bench-import", Set.of(Role.ADMIN), null, null);

	ImportBench(ServerUnderTest server, MongoClient client, MongoDatabase db, Path dir) {
		this.importer = server.bean(Importer.class);
		this.client = client;
		this.db = db;
		this.dir = dir;
	}

	/** Every file the phase can import, by the name {@code bench.import-files} uses. */
	static final Set<String> FILES = Set.of("gb18030", "utf8", "xlsx", "roster", "records");

	/**
	 * The files of the phase, written afresh (the same bytes for the same seed).
	 * @param wanted which of {@link #FILES}
	 */
	List<File> files(long seed, Set<String> wanted) throws IOException {
		Files.createDirectories(this.dir);
		List<File> files = new ArrayList<>();
		if (wanted.contains("gb18030")) {
			files.add(cadresCsv("cadres, CSV in GB18030", "cadres-gb18030.csv", "IMG", CsvCharset.GB18030, seed));
		}
		if (wanted.contains("utf8")) {
			files.add(cadresCsv("cadres, CSV in UTF-8 (BOM)", "cadres-utf8.csv", "IMU", CsvCharset.UTF8_BOM, seed + 1));
		}
		if (wanted.contains("xlsx")) {
			files.add(cadresXlsx(seed + 2));
		}
		if (wanted.contains("roster")) {
			files.add(roster(seed + 3));
		}
		if (wanted.contains("records")) {
			files.add(records(seed + 4));
		}
		return files;
	}

	Figures measure(File file) {
		List<String> problems = new ArrayList<>();
		Map<String, Set<Object>> before = ids();
		long checkMillis = -1;
		if (file.kind() != TransferKind.ROSTER) {
			long started = System.nanoTime();
			ImportResult check = this.importer.importFile(file.kind(), file.path(), file.format(), this.viewer,
					ImportMode.CHECK);
			checkMillis = Jobs.millis(started);
			if (check.hasErrors() || check.created() != file.rows()) {
				problems.add("check mode: " + summary(check));
			}
		}
		BenchMain.Heap.Peak peak = BenchMain.Heap.Peak.start();
		Cpu cpu = Cpu.start();
		long started = System.nanoTime();
		ImportResult result = this.importer.importFile(file.kind(), file.path(), file.format(), this.viewer,
				ImportMode.ALL_OR_NOTHING);
		long importMillis = Jobs.millis(started);
		String cpuUse = cpu.since();
		long peakHeap = peak.stop();
		if (result.hasErrors() || !result.stored() || result.created() != file.rows()) {
			problems.add("import: " + summary(result));
		}
		Map<String, List<Document>> created = created(before);
		Map<String, Integer> stored = new LinkedHashMap<>();
		created.forEach((name, docs) -> stored.put(name, docs.size()));
		file.expected().forEach((name, count) -> {
			if (!count.equals(stored.getOrDefault(name, 0))) {
				problems.add(name + ": " + stored.getOrDefault(name, 0) + " stored, " + count + " expected");
			}
		});
		started = System.nanoTime();
		ImportResult again = this.importer.importFile(file.kind(), file.path(), file.format(), this.viewer,
				ImportMode.ALL_OR_NOTHING);
		long againMillis = Jobs.millis(started);
		if (again.hasErrors() || again.created() != 0 || again.updated() != 0 || again.unchanged() != file.rows()) {
			problems.add("re-import: " + summary(again));
		}
		if (!created(before).values().stream().map(List::size).toList().equals(List.copyOf(stored.values()))) {
			problems.add("re-import changed the number of documents");
		}
		long rawMillis = raw(created);
		delete(created);
		return new Figures(file, importMillis, result, peakHeap, cpuUse, checkMillis, again, againMillis, stored,
				rawMillis, problems);
	}

	static String summary(ImportResult r) {
		String first = r.rejected().isEmpty() ? "" : "; first reason: row " + r.rejected().get(0).row() + " "
				+ r.rejected().get(0).column() + " " + r.rejected().get(0).reasonEn();
		return String.format(Locale.ROOT, "%,d rows, %,d created, %,d updated, %,d unchanged, %,d refused%s", r.rows(),
				r.created(), r.updated(), r.unchanged(), r.rejectedRows(), first);
	}

	// ---- the raw limit ---------------------------------------------------------------

	private Map<String, Set<Object>> ids() {
		Map<String, Set<Object>> ids = new LinkedHashMap<>();
		for (String name : COLLECTIONS) {
			Set<Object> set = new HashSet<>();
			this.db.getCollection(name)
				.find()
				.projection(Projections.include("_id"))
				.forEach((d) -> set.add(d.get("_id")));
			ids.put(name, set);
		}
		return ids;
	}

	private Map<String, List<Document>> created(Map<String, Set<Object>> before) {
		Map<String, List<Document>> created = new LinkedHashMap<>();
		for (String name : COLLECTIONS) {
			List<Document> docs = new ArrayList<>();
			Set<Object> old = before.get(name);
			this.db.getCollection(name).find().forEach((d) -> {
				if (!old.contains(d.get("_id"))) {
					docs.add(d);
				}
			});
			if (!docs.isEmpty()) {
				created.put(name, docs);
			}
		}
		return created;
	}

	/**
	 * The same documents inserted by the raw driver in ordered batches of 1,000 into
	 * empty collections of a scratch database, with the indexes of the real ones.
	 */
	private long raw(Map<String, List<Document>> created) {
		MongoDatabase scratch = this.client.getDatabase(SCRATCH);
		scratch.drop();
		for (String name : created.keySet()) {
			MongoCollection<Document> target = scratch.getCollection(name);
			for (Document index : this.db.getCollection(name).listIndexes()) {
				if (!"_id_".equals(index.getString("name"))) {
					target.createIndex(index.get("key", Document.class),
							new IndexOptions().name(index.getString("name"))
								.unique(Boolean.TRUE.equals(index.getBoolean("unique")))
								.sparse(Boolean.TRUE.equals(index.getBoolean("sparse"))));
				}
			}
		}
		long started = System.nanoTime();
		created.forEach((name, docs) -> {
			MongoCollection<Document> target = scratch.getCollection(name);
			for (int i = 0; i < docs.size(); i += BATCH) {
				target.insertMany(docs.subList(i, Math.min(docs.size(), i + BATCH)));
			}
		});
		long millis = Jobs.millis(started);
		scratch.drop();
		return millis;
	}

	private void delete(Map<String, List<Document>> created) {
		created.forEach((name, docs) -> {
			for (int i = 0; i < docs.size(); i += BATCH) {
				List<Object> ids = docs.subList(i, Math.min(docs.size(), i + BATCH))
					.stream()
					.map((d) -> d.get("_id"))
					.toList();
				this.db.getCollection(name).deleteMany(Filters.in("_id", ids));
			}
		});
	}

	// ---- the files -------------------------------------------------------------------

	private enum CsvCharset {

		GB18030, UTF8_BOM;

		Charset charset() {
			return (this == GB18030) ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
		}

	}

	private static String name(Random random) {
		String name = "" + BulkGenerator.SURNAMES.charAt(random.nextInt(BulkGenerator.SURNAMES.length()))
				+ BulkGenerator.GIVEN.charAt(random.nextInt(BulkGenerator.GIVEN.length()));
		return (random.nextInt(10) < 6)
				? name + BulkGenerator.GIVEN.charAt(random.nextInt(BulkGenerator.GIVEN.length())) : name;
	}

	/** A birth year, or null for one cadre in twenty. */
	private static Integer birthYear(Random random) {
		return (random.nextInt(20) == 0) ? null : 1960 + random.nextInt(36);
	}

	private File cadresCsv(String label, String fileName, String prefix, CsvCharset charset, long seed)
			throws IOException {
		long started = System.nanoTime();
		Path path = this.dir.resolve(fileName);
		Random random = new Random(seed);
		try (OutputStream out = Files.newOutputStream(path);
				Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, charset.charset()),
						1 << 16)) {
			if (charset == CsvCharset.UTF8_BOM) {
				writer.write('\uFEFF');
			}
			writer.write("干部编号,姓名,出生年份\r\n");
			for (int i = 1; i <= ROWS; i++) {
				Integer year = birthYear(random);
				writer.write(String.format(Locale.ROOT, "%s-%06d,%s,%s\r\n", prefix, i, name(random),
						(year != null) ? year : ""));
			}
		}
		return new File(label, TransferKind.CADRES, ImportFormat.CSV, path, ROWS, Jobs.millis(started),
				Map.of("cadres", ROWS));
	}

	private File cadresXlsx(long seed) throws IOException {
		long started = System.nanoTime();
		Path path = this.dir.resolve("cadres.xlsx");
		Random random = new Random(seed);
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 1; i <= ROWS; i++) {
			rows.add(java.util.Arrays.asList(String.format(Locale.ROOT, "IMX-%06d", i), name(random),
					birthYear(random)));
		}
		Workbook workbook = new Workbook();
		workbook.sheet("干部", List.of("干部编号", "姓名", "出生年份"), rows);
		workbook.write(path);
		return new File("cadres, .xlsx", TransferKind.CADRES, ImportFormat.XLSX, path, ROWS, Jobs.millis(started),
				Map.of("cadres", ROWS));
	}

	/**
	 * A roster as an organisation department keeps it: a new region (a province, 6
	 * cities, 36 counties, 216 townships, 2,592 villages), each organization with its
	 * previous principal (ended), its current one, a discipline secretary and the rest of
	 * its team (some posts ended), a cadre per post, and reserve cadres holding no post;
	 * 100,000 rows in all.
	 */
	private File roster(long seed) throws IOException {
		long started = System.nanoTime();
		Random random = new Random(seed);
		record Org(String code, String name, String kind, String level, String parent, int posts) {
		}
		List<Org> orgs = new ArrayList<>();
		orgs.add(new Org("RP", "新区省委", "党委", "省级", null, 60));
		for (int c = 1; c <= 6; c++) {
			String city = String.format(Locale.ROOT, "RP-C%02d", c);
			orgs.add(new Org(city, "新区第" + c + "市委", "党委", "市级", "RP", 50));
			for (int x = 1; x <= 6; x++) {
				String county = String.format(Locale.ROOT, "%s-X%02d", city, x);
				orgs.add(new Org(county, "新区" + c + "市" + x + "县委", "党委", "县级", city, 40));
				for (int t = 1; t <= 6; t++) {
					String township = String.format(Locale.ROOT, "%s-T%02d", county, t);
					orgs.add(new Org(township, "新区" + c + "市" + x + "县" + t + "镇党委", "乡镇街道", "乡镇级", county, 20));
					for (int v = 1; v <= 12; v++) {
						orgs.add(new Org(String.format(Locale.ROOT, "%s-V%02d", township, v),
								"新区" + c + "市" + x + "县" + t + "镇" + v + "村党组织", "村社区", "村级", township, 16));
					}
				}
			}
		}
		// the cities are written after their counties: a roster's rows come in any order
		java.util.Collections.reverse(orgs);
		List<List<Object>> orgRows = new ArrayList<>();
		for (Org org : orgs) {
			orgRows.add(java.util.Arrays.asList(org.code(), org.name(), org.kind(), org.level(), org.parent()));
		}
		List<List<Object>> cadreRows = new ArrayList<>();
		List<List<Object>> postRows = new ArrayList<>();
		int principals = 0;
		for (Org org : orgs) {
			for (int p = 0; p < org.posts(); p++) {
				String cadre = String.format(Locale.ROOT, "RG%07d", cadreRows.size() + 1);
				cadreRows.add(java.util.Arrays.asList(cadre, name(random), birthYear(random)));
				String role;
				String title;
				LocalDate start;
				LocalDate end = null;
				if (p == 0) {
					role = "一把手";
					title = "书记";
					start = LocalDate.of(2017, 1 + random.nextInt(12), 1 + random.nextInt(28));
					end = LocalDate.of(2022, 12, 31);
					principals++;
				}
				else if (p == 1) {
					role = "一把手";
					title = "书记";
					start = LocalDate.of(2023, 1, 1);
					principals++;
				}
				else if (p == 2) {
					role = "纪委书记/纪检组长";
					title = "纪委书记";
					start = LocalDate.of(2019 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
				}
				else {
					role = (p < 6) ? "副职" : "班子成员";
					title = (p < 6) ? "副书记" : "委员";
					start = LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
					if (random.nextInt(5) == 0) {
						end = start.plusYears(1 + random.nextInt(3));
					}
				}
				postRows.add(java.util.Arrays.asList(cadre, org.code(), role, title, start, end));
			}
		}
		int reserve = ROWS - orgRows.size() - cadreRows.size() - postRows.size();
		for (int i = 0; i < reserve; i++) {
			cadreRows.add(java.util.Arrays.asList(String.format(Locale.ROOT, "RG%07d", cadreRows.size() + 1),
					name(random), birthYear(random)));
		}
		Workbook workbook = new Workbook();
		workbook.sheet("组织", List.of("组织代码", "组织名称", "组织类型", "组织层级", "上级组织代码"), orgRows);
		workbook.sheet("干部", List.of("干部编号", "姓名", "出生年份"), cadreRows);
		workbook.sheet("任职", List.of("干部编号", "组织代码", "班子角色", "职务", "任职开始日期", "任职结束日期"), postRows);
		Path path = this.dir.resolve("roster.xlsx");
		workbook.write(path);
		Map<String, Integer> expected = new LinkedHashMap<>();
		expected.put("organizations", orgRows.size());
		expected.put("cadres", cadreRows.size());
		expected.put("appointments", postRows.size());
		expected.put("principal_seats", orgRows.size());
		String label = String.format(Locale.ROOT,
				"roster .xlsx (%,d organizations, %,d cadres, %,d posts of which %,d principals')", orgRows.size(),
				cadreRows.size(), postRows.size(), principals);
		return new File(label, TransferKind.ROSTER, ImportFormat.XLSX, path, ROWS, Jobs.millis(started), expected);
	}

	/**
	 * Talks, findings and their rectification tasks about the stored province (its
	 * organizations and cadres read here): 10,000 talks, 5,000 findings (one in five with
	 * an informant), 5,000 tasks per 20,000 rows, through the services' batch writes.
	 */
	private File records(long seed) throws IOException {
		long started = System.nanoTime();
		Random random = new Random(seed);
		List<String> orgs = new ArrayList<>();
		this.db.getCollection("organizations")
			.find(Filters.eq("dissolvedOn", null))
			.projection(Projections.include("code"))
			.forEach((d) -> orgs.add(d.getString("code")));
		List<String> cadres = new ArrayList<>();
		this.db.getCollection("cadres")
			.find()
			.projection(Projections.include("code"))
			.forEach((d) -> cadres.add(d.getString("code")));
		java.util.Collections.sort(orgs);
		java.util.Collections.sort(cadres);
		String[] talkKinds = { "监督谈话", "谈心谈话", "廉政谈话", "提醒谈话" };
		List<List<Object>> talks = new ArrayList<>();
		for (int i = 0; i < RECORDS / 2; i++) {
			String subject = cadres.get(random.nextInt(cadres.size()));
			String conductor = cadres.get(random.nextInt(cadres.size()));
			while (conductor.equals(subject)) {
				conductor = cadres.get(random.nextInt(cadres.size()));
			}
			talks.add(java.util.Arrays.asList(talkKinds[random.nextInt(talkKinds.length)],
					LocalDate.of(2024, 1, 1).plusDays(i % 700), subject, conductor,
					orgs.get(random.nextInt(orgs.size())), "导入的谈话 " + i, null));
		}
		String[] sources = { "巡视", "巡察", "审计", "信访举报", "日常监督" };
		String[] categories = { "作风", "廉洁", "选人用人", "主体责任" };
		String[] severities = { "苗头性倾向性问题", "一般问题", "严重问题" };
		List<List<Object>> findings = new ArrayList<>();
		List<List<Object>> tasks = new ArrayList<>();
		for (int i = 0; i < RECORDS / 4; i++) {
			String key = String.format(Locale.ROOT, "IMF-%06d", i + 1);
			String org = orgs.get(random.nextInt(orgs.size()));
			LocalDate reported = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700));
			findings.add(java.util.Arrays.asList(key, sources[random.nextInt(sources.length)],
					categories[random.nextInt(categories.length)], severities[random.nextInt(severities.length)],
					"导入的问题 " + key, org, (random.nextInt(3) == 0) ? cadres.get(random.nextInt(cadres.size())) : null,
					reported, (random.nextInt(5) == 0) ? "某群众" : null));
			tasks.add(java.util.Arrays.asList(key, org, (random.nextInt(2) == 0) ? "限期整改" : "立行立改", "整改措施 " + key,
					reported.plusDays(30 + random.nextInt(200))));
		}
		Workbook workbook = new Workbook();
		workbook.sheet("谈话", List.of("谈话类型", "谈话日期", "谈话对象干部编号", "谈话人干部编号", "组织代码", "谈话摘要", "指出的问题"), talks);
		workbook.sheet("问题", List.of("问题编号", "问题来源", "问题类别", "严重程度", "问题描述", "组织代码", "涉及干部编号", "发现日期", "举报人"),
				findings);
		workbook.sheet("整改", List.of("问题编号", "责任单位代码", "整改方式", "整改措施", "整改期限"), tasks);
		Path path = this.dir.resolve("records.xlsx");
		workbook.write(path);
		Map<String, Integer> expected = new LinkedHashMap<>();
		expected.put("talks", talks.size());
		expected.put("findings", findings.size());
		expected.put("rectifications", tasks.size());
		expected.put("import_keys", findings.size());
		return new File(
				String.format(Locale.ROOT, "records .xlsx (%,d talks, %,d findings, %,d tasks)", talks.size(),
						findings.size(), tasks.size()),
				TransferKind.ROSTER, ImportFormat.XLSX, path, RECORDS, Jobs.millis(started), expected);
	}

	/**
	 * An .xlsx as a spreadsheet program saves it: text in the shared-string table, dates
	 * as date cells, years as numbers; streamed to disk.
	 */
	private static final class Workbook {

		private final SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 100, true, true);

		private final CellStyle date;

		Workbook() {
			this.date = this.workbook.createCellStyle();
			this.date.setDataFormat(this.workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		}

		void sheet(String name, List<String> headers, List<List<Object>> rows) {
			SXSSFSheet sheet = this.workbook.createSheet(name);
			SXSSFRow header = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				header.createCell(c).setCellValue(headers.get(c));
			}
			int r = 1;
			for (List<Object> values : rows) {
				SXSSFRow row = sheet.createRow(r++);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (value instanceof LocalDate day) {
						cell.setCellValue(day);
						cell.setCellStyle(this.date);
					}
					else if (value instanceof Integer number) {
						cell.setCellValue(number);
					}
					else {
						cell.setCellValue(value.toString());
					}
				}
			}
		}

		void write(Path path) throws IOException {
			try (OutputStream out = Files.newOutputStream(path)) {
				this.workbook.write(out);
			}
			finally {
				this.workbook.close();
				this.workbook.dispose();
			}
		}

	}

}
