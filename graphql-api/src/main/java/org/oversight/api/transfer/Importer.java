package org.oversight.api.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.oversight.api.security.AuditLog;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.cadre.CadreService;
import org.oversight.core.common.Actor;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.Today;
import org.oversight.core.finding.FindingService;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.mongo.InQueries;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.rectification.RectificationService;
import org.oversight.core.talk.TalkService;

/**
 * Imports organizations, cadres, appointments, talks, findings and rectifications from
 * .xlsx or CSV. The file is read once, streaming, into compact rows; then every row of
 * every sheet is validated against the database and the rest of the file; then, unless a
 * row was bad in {@link ImportMode#ALL_OR_NOTHING} mode (or in {@link ImportMode#CHECK}
 * mode), the plan is written through the domain services, sheet by sheet in dependency
 * order, as the importing account. Writes are keyed by business key, so importing the
 * same file again changes nothing and completes an import that was cut off.
 *
 * <p>
 * The entry point for the HTTP endpoint, the command line and the benchmark harness is
 * {@link #importFile(TransferKind, InputStream, ImportFormat, Viewer, ImportMode)}.
 */
@Component
public class Importer {

	private static final Logger log = LoggerFactory.getLogger(Importer.class);

	private final SheetImport.Services services;

	private final MongoTemplate mongo;

	private final ImportKeys keys;

	private final Today today;

	private final AuditLog audit;

	private final InQueries inQueries;

	private final int maxRows;

	Importer(OrganizationService organizations, CadreService cadres, TalkService talks, FindingService findings,
			RectificationService rectifications, MongoTemplate mongo, ImportKeys keys, Today today, AuditLog audit,
			InQueries inQueries, LookupLists lookups, @Value("${oversight.import.max-rows:200000}") int maxRows) {
		this.inQueries = inQueries;
		this.services = new SheetImport.Services(organizations, cadres, talks, findings, rectifications, lookups);
		this.mongo = mongo;
		this.keys = keys;
		this.today = today;
		this.audit = audit;
		this.maxRows = maxRows;
	}

	/**
	 * Imports a file.
	 * @param kind what the file holds ({@link TransferKind#ROSTER}: a workbook with a
	 * sheet per kind)
	 * @param content the file; read to the end, not closed
	 * @param format its format; null to tell from the content (a zip is an .xlsx)
	 * @param viewer who imports: their roles and scope apply to every row
	 * @param mode what to do when rows are bad
	 * @return what was created, left unchanged and refused
	 * @throws DomainException.Forbidden when the viewer may not import the kind
	 */
	public ImportResult importFile(TransferKind kind, InputStream content, ImportFormat format, Viewer viewer,
			ImportMode mode) {
		Path file = null;
		try {
			file = Files.createTempFile("oversight-import-", ".upload");
			Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
			return importFile(kind, file, format, viewer, mode);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					log.warn("Could not delete {}", file);
				}
			}
		}
	}

	/**
	 * Imports a file on disk, as the {@code InputStream} overload does.
	 */
	public ImportResult importFile(TransferKind kind, Path file, ImportFormat format, Viewer viewer, ImportMode mode) {
		for (TransferKind sheet : kind.sheets()) {
			if (kind != TransferKind.ROSTER) {
				viewer.require(sheet.right());
			}
		}
		long started = System.nanoTime();
		ImportContext context = new ImportContext(viewer, mode, this.today.date(), this.today.now(), this.mongo,
				this.keys, this.inQueries);
		Reading reading = new Reading(kind, context, this.maxRows);
		try {
			ImportFormat actual = (format != null) ? format : sniff(file);
			if (actual == ImportFormat.XLSX) {
				reading.choose(XlsxReader.sheetNames(file));
				XlsxReader.read(file, reading);
			}
			else {
				if (kind == TransferKind.ROSTER) {
					reading.fileError(Message.of("综合导入须使用 .xlsx 工作簿（每类一个工作表）",
							"a roster import needs an .xlsx workbook with one sheet per kind"));
				}
				else {
					reading.choose(List.of(kind.sheetName()));
					CsvReader.read(file, kind.sheetName(), reading);
				}
			}
		}
		catch (TooManyRows ex) {
			// reported by the reading
		}
		catch (IOException ex) {
			reading.fileError(Message.of("无法读取文件：" + ex.getMessage(), "the file cannot be read: " + ex.getMessage()));
		}
		if (!reading.fileFailed && reading.rows.isEmpty() && reading.matchedSheets == 0) {
			reading.fileError(Message.of("文件中没有可导入的工作表", "the file holds no sheet of this kind"));
		}
		List<SheetImport> sheets = new ArrayList<>();
		if (!reading.fileFailed) {
			for (Map.Entry<TransferKind, List<Row>> entry : reading.rows.entrySet()) {
				TransferKind sheetKind = entry.getKey();
				if (!viewer.has(sheetKind.right())) {
					context.errors.add(new ImportError(sheetKind.sheetName(), 0, null, null,
							"您的角色无权导入“" + sheetKind.sheetName() + "”",
							"your roles " + viewer.roles() + " may not import " + sheetKind.value()));
					reading.fileFailed = true;
					continue;
				}
				SheetImport sheet = sheet(sheetKind);
				sheet.validate(entry.getValue(), context);
				sheets.add(sheet);
			}
		}
		long validated = System.nanoTime();
		boolean store = !reading.fileFailed && mode != ImportMode.CHECK
				&& (mode == ImportMode.VALID_ONLY || context.errors.isEmpty());
		if (store) {
			Actor.as(viewer.username(), () -> {
				sheets.forEach((sheet) -> sheet.write(context));
				sheets.forEach((sheet) -> sheet.finish(context));
				return null;
			});
		}
		else if (mode == ImportMode.CHECK && !reading.fileFailed) {
			// what an import would do
			context.created = sheets.stream().mapToInt(SheetImport::plannedCreates).sum();
			context.updated = sheets.stream().mapToInt(SheetImport::plannedUpdates).sum();
		}
		else {
			context.created = 0;
			context.updated = 0;
			context.unchanged = 0;
		}
		List<ImportError> errors = context.errors;
		boolean truncated = errors.size() > ImportResult.MAX_LISTED;
		boolean refused = reading.fileFailed || (mode == ImportMode.ALL_OR_NOTHING && !context.errors.isEmpty());
		ImportResult result = new ImportResult(kind.value(), mode.value(), refused, store, reading.count,
				context.created, context.updated, context.unchanged,
				Math.max(context.refusedRowCount(), reading.fileFailed ? 1 : 0),
				List.copyOf(truncated ? errors.subList(0, ImportResult.MAX_LISTED) : errors), truncated,
				List.copyOf(reading.ignoredColumns));
		if (store) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("kind", kind.value());
			details.put("mode", mode.value());
			details.put("rows", result.rows());
			details.put("created", result.created());
			details.put("updated", result.updated());
			details.put("unchanged", result.unchanged());
			details.put("rejectedRows", result.rejectedRows());
			this.audit.mutation(viewer.username(), "import", details, result.hasErrors() ? "partial" : "ok");
		}
		long finished = System.nanoTime();
		log.info(
				"Import of {} by {} ({}): {} rows, {} created, {} updated, {} unchanged, {} refused, in {} ms "
						+ "(read and validated in {} ms)",
				kind.value(), viewer.username(), mode.value(), result.rows(), result.created(), result.updated(),
				result.unchanged(), result.rejectedRows(), (finished - started) / 1_000_000,
				(validated - started) / 1_000_000);
		return result;
	}

	private SheetImport sheet(TransferKind kind) {
		return switch (kind) {
			case ORGANIZATIONS -> new OrganizationSheet(this.services);
			case CADRES -> new CadreSheet(this.services);
			case APPOINTMENTS -> new AppointmentSheet(this.services);
			case TALKS -> new TalkSheet(this.services);
			case FINDINGS -> new FindingSheet(this.services);
			case RECTIFICATIONS -> new RectificationSheet(this.services);
			case ROSTER -> throw new IllegalArgumentException("a roster is not one sheet");
		};
	}

	/** A zip (PK) is a workbook; anything else is read as CSV. */
	static ImportFormat sniff(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(4);
			if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
				return ImportFormat.XLSX;
			}
			if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
				throw new IOException("an old .xls workbook; save it as .xlsx or CSV");
			}
			return ImportFormat.CSV;
		}
	}

	private static final class TooManyRows extends RuntimeException {

		TooManyRows() {
			super(null, null, false, false);
		}

	}

	/**
	 * Picks the sheets of the kinds wanted, maps each header to its column and keeps the
	 * data rows, only their known columns.
	 */
	private static final class Reading implements SheetHandler {

		private final TransferKind kind;

		private final ImportContext context;

		private final int maxRows;

		final Map<TransferKind, List<Row>> rows = new EnumMap<>(TransferKind.class);

		final Set<String> ignoredColumns = new LinkedHashSet<>();

		private final Map<String, TransferKind> chosen = new LinkedHashMap<>();

		int count;

		int matchedSheets;

		boolean fileFailed;

		private TransferKind current;

		private String sheetName;

		private int[] mapping;

		Reading(TransferKind kind, ImportContext context, int maxRows) {
			this.kind = kind;
			this.context = context;
			this.maxRows = maxRows;
		}

		void fileError(Message message) {
			this.context.errors.add(new ImportError(this.kind.sheetName(), 0, null, null, message.zh(), message.en()));
			this.fileFailed = true;
		}

		/**
		 * Decides which sheets to read: those named for the kinds wanted; for a single
		 * kind without a sheet of its name, the first sheet.
		 */
		void choose(List<String> names) {
			for (String name : names) {
				for (TransferKind candidate : this.kind.sheets()) {
					if (candidate.namesSheet(name) && !this.chosen.containsValue(candidate)) {
						this.chosen.put(name, candidate);
					}
				}
			}
			if (this.kind != TransferKind.ROSTER && this.chosen.isEmpty() && !names.isEmpty()) {
				this.chosen.put(names.get(0), this.kind);
			}
		}

		@Override
		public boolean startSheet(String name) {
			this.current = this.chosen.get(name);
			this.mapping = null;
			if (this.current == null) {
				return false;
			}
			this.sheetName = name;
			this.matchedSheets++;
			this.rows.put(this.current, new ArrayList<>());
			return true;
		}

		@Override
		public void row(int number, String[] cells) {
			if (this.current == null) {
				return;
			}
			if (this.mapping == null) {
				header(number, cells);
				return;
			}
			if (this.fileFailed) {
				return;
			}
			String[] values = new String[this.current.columns().size()];
			boolean any = false;
			for (int i = 0; i < this.mapping.length && i < cells.length; i++) {
				if (this.mapping[i] >= 0 && cells[i] != null) {
					values[this.mapping[i]] = cells[i];
					any = true;
				}
			}
			if (!any) {
				return;
			}
			if (++this.count > this.maxRows) {
				this.context.errors
					.add(new ImportError(this.sheetName, number, null, null, "文件超过" + this.maxRows + "行的上限，请分批导入",
							"the file has more than " + this.maxRows + " rows; split it"));
				this.fileFailed = true;
				throw new TooManyRows();
			}
			this.rows.get(this.current).add(new Row(this.sheetName, number, values));
		}

		private void header(int number, String[] cells) {
			List<Column> columns = this.current.columns();
			this.mapping = new int[cells.length];
			boolean[] found = new boolean[columns.size()];
			for (int i = 0; i < cells.length; i++) {
				this.mapping[i] = -1;
				if (cells[i] == null) {
					continue;
				}
				for (int c = 0; c < columns.size(); c++) {
					if (columns.get(c).matches(cells[i])) {
						if (columns.get(c).exportOnly()) {
							break;
						}
						if (found[c]) {
							headerError(number, columns.get(c), Message.of("列重复", "appears twice"));
						}
						found[c] = true;
						this.mapping[i] = c;
						break;
					}
				}
				String text = cells[i];
				if (this.mapping[i] < 0 && columns.stream().noneMatch((c) -> c.exportOnly() && c.matches(text))) {
					this.ignoredColumns.add(text.strip());
				}
			}
			for (int c = 0; c < columns.size(); c++) {
				if (columns.get(c).required() && !found[c]) {
					headerError(number, columns.get(c), Message.of("缺少必填列", "the required column is missing"));
				}
			}
		}

		private void headerError(int number, Column column, Message message) {
			this.context.errors.add(ImportError.of(this.sheetName, number, column, null, message));
			this.fileFailed = true;
		}

		@Override
		public void endSheet() {
			if (this.current != null && this.mapping == null) {
				// an empty sheet: nothing to import from it
				this.rows.remove(this.current);
			}
		}

	}

}
