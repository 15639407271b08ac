package org.oversight.api.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import org.oversight.api.security.AuditLog;
import org.oversight.api.viewer.Right;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.CadreQueries;
import org.oversight.core.cadre.Cadres;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.Keyset;
import org.oversight.core.common.Page;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Scope;
import org.oversight.core.common.Today;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingFilter;
import org.oversight.core.finding.FindingQueries;
import org.oversight.core.finding.FindingService;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationQueries;
import org.oversight.core.organization.Organizations;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationFilter;
import org.oversight.core.rectification.RectificationQueries;
import org.oversight.core.talk.Talk;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.talk.TalkQueries;

/**
 * Exports the lists the API serves to .xlsx, with the import's Chinese headers (so an
 * export reads back with the import), the same filters as the GraphQL lists, and the
 * viewer's scope applied in every query. Rows stream: pages of 500 are read by keyset and
 * written through an {@link SXSSFWorkbook} that keeps 100 rows in memory and the rest in
 * a compressed temporary file.
 */
@Component
public class Exporter {

	private static final int PAGE = 500;

	private static final Keyset<Appointment> APPOINTMENTS_BY_ID = new Keyset<>(List.of(Sort.Order.asc("_id")),
			(a) -> List.of(a.id()));

	private final OrganizationQueries organizationQueries;

	private final Organizations organizations;

	private final CadreQueries cadreQueries;

	private final Cadres cadres;

	private final FindingQueries findingQueries;

	private final FindingService findingService;

	private final RectificationQueries rectificationQueries;

	private final TalkQueries talkQueries;

	private final MongoTemplate mongo;

	private final ImportKeys keys;

	private final AuditLog audit;

	private final Today today;

	Exporter(OrganizationQueries organizationQueries, Organizations organizations, CadreQueries cadreQueries,
			Cadres cadres, FindingQueries findingQueries, FindingService findingService,
			RectificationQueries rectificationQueries, TalkQueries talkQueries, MongoTemplate mongo, ImportKeys keys,
			AuditLog audit, Today today) {
		this.organizationQueries = organizationQueries;
		this.organizations = organizations;
		this.cadreQueries = cadreQueries;
		this.cadres = cadres;
		this.findingQueries = findingQueries;
		this.findingService = findingService;
		this.rectificationQueries = rectificationQueries;
		this.talkQueries = talkQueries;
		this.mongo = mongo;
		this.keys = keys;
		this.audit = audit;
		this.today = today;
	}

	/** The filters each kind takes, as query parameters. */
	static final Map<TransferKind, Set<String>> FILTERS = Map.of(TransferKind.ORGANIZATIONS, Set.of("under", "level"),
			TransferKind.CADRES, Set.of("under"), TransferKind.APPOINTMENTS, Set.of("under", "includeEnded"),
			TransferKind.TALKS, Set.of("under", "kind", "from", "to", "subject"), TransferKind.FINDINGS,
			Set.of("under", "status", "source", "severity", "category", "disposition", "concernsPrincipal",
					"reportedFrom", "reportedTo", "subject"),
			TransferKind.RECTIFICATIONS, Set.of("under", "status", "mode", "overdue", "deadlineBefore", "deadlineFrom",
					"deadlineTo", "concernsPrincipal"),
			TransferKind.ROSTER, Set.of("under"));

	/** A checked export, ready to be written. */
	public final class Export {

		private final TransferKind kind;

		private final Viewer viewer;

		private final Map<TransferKind, Criteria> criteria;

		private final LocalDate day;

		private Export(TransferKind kind, Viewer viewer, Map<TransferKind, Criteria> criteria, LocalDate day) {
			this.kind = kind;
			this.viewer = viewer;
			this.criteria = criteria;
			this.day = day;
		}

		public TransferKind kind() {
			return this.kind;
		}

		/** Writes the workbook; the stream is not closed. */
		public void writeTo(OutputStream out) throws IOException {
			write(this, out);
		}

	}

	/**
	 * Checks the filters and the viewer's right to read, and builds the queries.
	 * @param parameters filter name → values (each value may list several, comma
	 * separated); enumeration values by English name or Chinese label
	 * @throws DomainException.Invalid on an unknown filter or a bad value
	 * @throws DomainException.Forbidden when the viewer may not read
	 */
	public Export prepare(TransferKind kind, Map<String, List<String>> parameters, Viewer viewer) {
		viewer.require(Right.READ);
		Set<String> allowed = FILTERS.get(kind);
		for (String name : parameters.keySet()) {
			if (!allowed.contains(name)) {
				throw DomainException.invalid(name,
						"is not a filter of " + kind.value() + "; the filters are " + new java.util.TreeSet<>(allowed));
			}
		}
		Filters filters = new Filters(parameters);
		String under = under(filters.one("under"));
		LocalDate day = this.today.date();
		Scope scope = viewer.scope();
		Map<TransferKind, Criteria> criteria = new java.util.EnumMap<>(TransferKind.class);
		for (TransferKind sheet : kind.sheets()) {
			criteria.put(sheet, switch (sheet) {
				case ORGANIZATIONS ->
					this.organizationQueries.subtree(scope, under, filters.choice("level", OrganizationSheet.LEVELS));
				case CADRES -> and(this.cadreQueries.visible(scope),
						(under != null) ? Criteria.where("orgScope").is(under) : null);
				case APPOINTMENTS ->
					and(scope.on("orgPath"), (under != null) ? Criteria.where("orgPath").is(under) : null,
							Boolean.FALSE.equals(filters.bool("includeEnded")) ? new Criteria()
								.orOperator(Criteria.where("end").is(null), Criteria.where("end").gte(day)) : null);
				case TALKS -> talks(scope, under, filters);
				case FINDINGS -> this.findingQueries.of(scope, under, true,
						new FindingFilter(filters.choices("status", FindingSheet.STATUSES),
								filters.choices("source", FindingSheet.SOURCES),
								filters.choices("severity", FindingSheet.SEVERITIES), filters.bool("concernsPrincipal"),
								filters.date("reportedFrom"), filters.date("reportedTo"),
								filters.choices("category", FindingSheet.CATEGORIES),
								filters.choices("disposition", FindingSheet.DISPOSITIONS),
								cadreId(filters.one("subject"))));
				case RECTIFICATIONS -> this.rectificationQueries.of(scope, under, true,
						new RectificationFilter(filters.choices("status", RectificationSheet.STATUSES),
								filters.bool("overdue"), filters.date("deadlineBefore"),
								filters.choices("mode", RectificationSheet.MODES), filters.date("deadlineFrom"),
								filters.date("deadlineTo"), filters.bool("concernsPrincipal")),
						day);
				case ROSTER -> throw new IllegalStateException();
			});
		}
		return new Export(kind, viewer, criteria, day);
	}

	private Criteria talks(Scope scope, String under, Filters filters) {
		LocalDate from = filters.date("from");
		LocalDate to = filters.date("to");
		if (from != null && to != null && to.isBefore(from)) {
			throw DomainException.invalid("to", "must not be before from");
		}
		TalkKind kind = filters.choice("kind", TalkSheet.KINDS);
		String subject = filters.one("subject");
		return and(scope.on("orgPath"), scope.recusal("subjectId"),
				(under != null) ? Criteria.where("orgPath").is(under) : null,
				(kind != null) ? Criteria.where("kind").is(kind) : null,
				(from != null) ? Criteria.where("date").gte(from) : null,
				(to != null) ? Criteria.where("date").lte(to) : null,
				(subject != null) ? Criteria.where("subjectId").is(cadreId(subject)) : null);
	}

	private static Criteria and(Criteria... parts) {
		List<Criteria> all = new ArrayList<>();
		for (Criteria part : parts) {
			if (part != null) {
				all.add(part);
			}
		}
		return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
	}

	/** An organization id or code; an unknown one matches nothing. */
	private String under(String value) {
		if (value == null) {
			return null;
		}
		if (org.bson.types.ObjectId.isValid(value) && this.organizations.existsById(value)) {
			return value;
		}
		return this.organizations.findByCode(value).map(Organization::id).orElse("000000000000000000000000");
	}

	/** A cadre by code (or id); an unknown one matches nothing. */
	private String cadreId(String value) {
		if (value == null) {
			return null;
		}
		if (org.bson.types.ObjectId.isValid(value) && this.cadres.existsById(value)) {
			return value;
		}
		return this.cadres.findByCode(value).map(Cadre::id).orElse("000000000000000000000000");
	}

	private void write(Export export, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		workbook.setCompressTempFiles(true);
		try {
			Styles styles = new Styles(workbook);
			for (TransferKind kind : export.kind.sheets()) {
				SXSSFSheet sheet = workbook.createSheet(kind.sheetName());
				Sheet writer = new Sheet(sheet, kind.columns(), styles);
				switch (kind) {
					case ORGANIZATIONS -> organizations(export, writer);
					case CADRES -> cadres(export, writer);
					case APPOINTMENTS -> appointments(export, writer);
					case TALKS -> talks(export, writer);
					case FINDINGS -> findings(export, writer);
					case RECTIFICATIONS -> rectifications(export, writer);
					case ROSTER -> throw new IllegalStateException();
				}
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
			workbook.dispose();
		}
	}

	private interface PageReader<T> {

		Page<T> read(PageRequest request);

	}

	private static <T> void pages(PageReader<T> reader, java.util.function.Consumer<List<T>> writer) {
		String after = null;
		while (true) {
			Page<T> page = reader.read(new PageRequest(PAGE, after));
			writer.accept(page.items());
			if (!page.hasNextPage()) {
				return;
			}
			after = page.endCursor();
		}
	}

	private void organizations(Export export, Sheet sheet) {
		Criteria criteria = export.criteria.get(TransferKind.ORGANIZATIONS);
		pages((request) -> this.organizationQueries.page(criteria, request), (items) -> {
			Map<String, String> parents = orgCodes(items.stream().map(Organization::parentId).toList());
			for (Organization o : items) {
				sheet.row(o.code(), o.name(), OrganizationSheet.KINDS.label(o.kind()),
						OrganizationSheet.LEVELS.label(o.level()), parents.get(o.parentId()), o.dissolvedOn());
			}
		});
	}

	private void cadres(Export export, Sheet sheet) {
		Criteria criteria = export.criteria.get(TransferKind.CADRES);
		pages((request) -> this.cadreQueries.page(criteria, request), (items) -> {
			for (Cadre c : items) {
				sheet.row(c.code(), c.name(), c.birthYear());
			}
		});
	}

	private void appointments(Export export, Sheet sheet) {
		Criteria criteria = export.criteria.get(TransferKind.APPOINTMENTS);
		pages((request) -> APPOINTMENTS_BY_ID.page(this.mongo, criteria, request, Appointment.class), (items) -> {
			Map<String, String> cadreCodes = cadreCodes(items.stream().map(Appointment::cadreId).toList());
			Map<String, String> orgCodes = orgCodes(items.stream().map(Appointment::organizationId).toList());
			for (Appointment a : items) {
				sheet.row(cadreCodes.get(a.cadreId()), orgCodes.get(a.organizationId()),
						AppointmentSheet.ROLES.label(a.role()), a.title(), a.start(), a.end());
			}
		});
	}

	private void talks(Export export, Sheet sheet) {
		Criteria criteria = export.criteria.get(TransferKind.TALKS);
		pages((request) -> this.talkQueries.page(criteria, request), (items) -> {
			List<String> cadreIds = new ArrayList<>();
			items.forEach((t) -> {
				cadreIds.add(t.subjectId());
				cadreIds.addAll(t.conductedByIds());
			});
			Map<String, String> cadreCodes = cadreCodes(cadreIds);
			Map<String, String> orgCodes = orgCodes(items.stream().map(Talk::organizationId).toList());
			for (Talk t : items) {
				sheet.row(TalkSheet.KINDS.label(t.kind()), t.date(), cadreCodes.get(t.subjectId()),
						String.join("、", t.conductedByIds().stream().map(cadreCodes::get).toList()),
						orgCodes.get(t.organizationId()), t.summary(),
						t.issuesRaised().isEmpty() ? null : String.join("\n", t.issuesRaised()));
			}
		});
	}

	private void findings(Export export, Sheet sheet) {
		Criteria criteria = export.criteria.get(TransferKind.FINDINGS);
		boolean informants = export.viewer.has(Right.READ_INFORMANTS);
		pages((request) -> this.findingQueries.page(criteria, request), (items) -> {
			Map<String, String> keys = findingKeys(items.stream().map(Finding::id).toList());
			Map<String, String> cadreCodes = cadreCodes(items.stream().map(Finding::subjectId).toList());
			Map<String, String> orgCodes = orgCodes(items.stream().map(Finding::organizationId).toList());
			Map<String, String> informantOf = informants ? this.findingService
				.informants(items.stream().filter(Finding::hasInformant).map(Finding::id).toList()) : Map.of();
			for (Finding f : items) {
				String informant = informantOf.get(f.id());
				if (informant != null) {
					this.audit.informantRead(export.viewer.username(), f.id());
				}
				sheet.row(keys.get(f.id()), FindingSheet.SOURCES.label(f.source()),
						FindingSheet.CATEGORIES.label(f.category()), FindingSheet.SEVERITIES.label(f.severity()),
						f.description(), orgCodes.get(f.organizationId()), cadreCodes.get(f.subjectId()),
						f.reportedOn(), FindingSheet.DISPOSITIONS.label(f.disposition()), informant,
						FindingSheet.STATUSES.label(f.status()), f.concernsPrincipal() ? "是" : "否");
			}
		});
	}

	private void rectifications(Export export, Sheet sheet) {
		Criteria criteria = export.criteria.get(TransferKind.RECTIFICATIONS);
		pages((request) -> this.rectificationQueries.page(criteria, request, export.day), (items) -> {
			Map<String, String> keys = findingKeys(items.stream().map(Rectification::findingId).toList());
			Map<String, String> cadreCodes = cadreCodes(items.stream().map(Rectification::responsibleCadreId).toList());
			Map<String, String> orgCodes = orgCodes(
					items.stream().map(Rectification::responsibleOrganizationId).toList());
			for (Rectification r : items) {
				sheet.row(keys.get(r.findingId()), orgCodes.get(r.responsibleOrganizationId()),
						cadreCodes.get(r.responsibleCadreId()), RectificationSheet.MODES.label(r.mode()), r.measures(),
						r.deadline(), RectificationSheet.STATUSES.label(r.status()), r.assignedOn());
			}
		});
	}

	/** Each finding's key: the one an import gave it, or else its id. */
	private Map<String, String> findingKeys(Collection<String> findingIds) {
		Map<String, String> keys = new HashMap<>(this.keys.keysOfFindings(new HashSet<>(findingIds)));
		findingIds.forEach((id) -> keys.putIfAbsent(id, id));
		return keys;
	}

	private Map<String, String> orgCodes(Collection<String> ids) {
		return codes(ids, (wanted) -> this.organizationQueries.byIds(wanted), Organization::id, Organization::code);
	}

	private Map<String, String> cadreCodes(Collection<String> ids) {
		return codes(ids, (wanted) -> this.cadres.findByIdIn(wanted), Cadre::id, Cadre::code);
	}

	private static <T> Map<String, String> codes(Collection<String> ids, Function<Set<String>, List<T>> load,
			Function<T, String> id, Function<T, String> code) {
		Set<String> wanted = new HashSet<>(ids);
		wanted.remove(null);
		Map<String, String> result = new HashMap<>();
		if (!wanted.isEmpty()) {
			load.apply(wanted).forEach((item) -> result.put(id.apply(item), code.apply(item)));
		}
		return result;
	}

	/** Header and date styles shared by the sheets. */
	private static final class Styles {

		final CellStyle header;

		final CellStyle date;

		Styles(SXSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			this.date = workbook.createCellStyle();
			this.date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		}

	}

	/**
	 * Writes rows of one sheet: text as text (codes keep leading zeros), dates as dates.
	 */
	private static final class Sheet {

		private final SXSSFSheet sheet;

		private final Styles styles;

		private int next;

		Sheet(SXSSFSheet sheet, List<Column> columns, Styles styles) {
			this.sheet = sheet;
			this.styles = styles;
			SXSSFRow header = sheet.createRow(this.next++);
			for (int i = 0; i < columns.size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(columns.get(i).header());
				cell.setCellStyle(styles.header);
				sheet.setColumnWidth(i, Math.max(12, columns.get(i).header().length() * 4) * 256);
			}
			sheet.createFreezePane(0, 1);
		}

		void row(Object... values) {
			SXSSFRow row = this.sheet.createRow(this.next++);
			for (int i = 0; i < values.length; i++) {
				Object value = values[i];
				if (value == null) {
					continue;
				}
				Cell cell = row.createCell(i);
				if (value instanceof LocalDate day) {
					cell.setCellValue(day);
					cell.setCellStyle(this.styles.date);
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

	/** Query parameters read as filter values. */
	private static final class Filters {

		private final Map<String, List<String>> parameters;

		Filters(Map<String, List<String>> parameters) {
			this.parameters = parameters;
		}

		List<String> all(String name) {
			List<String> values = new ArrayList<>();
			for (String value : this.parameters.getOrDefault(name, List.of())) {
				for (String part : value.split("[,，、]")) {
					if (!part.isBlank()) {
						values.add(part.strip());
					}
				}
			}
			return values;
		}

		String one(String name) {
			List<String> values = all(name);
			if (values.size() > 1) {
				throw DomainException.invalid(name, "takes one value");
			}
			return values.isEmpty() ? null : values.get(0);
		}

		<E extends Enum<E>> List<E> choices(String name, Choices<E> choices) {
			List<E> result = new ArrayList<>();
			for (String value : all(name)) {
				E parsed = choices.parse(value);
				if (parsed == null) {
					throw DomainException.invalid(name, "'" + value + "' is not one of " + choices.labels());
				}
				result.add(parsed);
			}
			return result.isEmpty() ? null : result;
		}

		<E extends Enum<E>> E choice(String name, Choices<E> choices) {
			String value = one(name);
			if (value == null) {
				return null;
			}
			E parsed = choices.parse(value);
			if (parsed == null) {
				throw DomainException.invalid(name, "'" + value + "' is not one of " + choices.labels());
			}
			return parsed;
		}

		LocalDate date(String name) {
			String value = one(name);
			if (value == null) {
				return null;
			}
			LocalDate day = Cells.parseDate(value);
			if (day == null) {
				throw DomainException.invalid(name, "is not a date (2024-01-31)");
			}
			return day;
		}

		Boolean bool(String name) {
			String value = one(name);
			if (value == null) {
				return null;
			}
			return switch (value.toLowerCase(java.util.Locale.ROOT)) {
				case "true", "yes", "1", "是" -> true;
				case "false", "no", "0", "否" -> false;
				default -> throw DomainException.invalid(name, "is not true or false");
			};
		}

	}

}
