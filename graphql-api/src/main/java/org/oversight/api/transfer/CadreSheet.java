package org.oversight.api.transfer;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.CadreService;
import org.oversight.core.common.DomainException;

/**
 * 干部: keyed by 干部编号. A stored cadre with the same name and birth year is unchanged; one
 * whose posts all lie outside the importer's scope is refused.
 */
final class CadreSheet extends SheetImport {

	static final int CODE = 0;

	static final int NAME = 1;

	static final int BIRTH_YEAR = 2;

	static final List<Column> COLUMNS = List.of(
			Column.required("code", "干部编号", "唯一的干部编号，字母、数字、.、_、-",
					"unique personnel code: letters, digits, '.', '_', '-'"),
			Column.required("name", "姓名", "不超过100字", "at most 100 characters"),
			Column.optional("birthYear", "出生年份", "四位年份，如 1975", "four digits, e.g. 1975"));

	private record Planned(Row row, String code, String name, Integer birthYear) {
	}

	private final List<Planned> plan = new ArrayList<>();

	CadreSheet(Services services) {
		super(TransferKind.CADRES, services);
	}

	@Override
	void validate(List<Row> rows, ImportContext context) {
		context.loadCadres(rows.stream().map((r) -> r.get(CODE)).filter(Objects::nonNull).map(String::strip).toList());
		Map<String, Integer> firstRow = new HashMap<>();
		int thisYear = Year.from(context.today).getValue();
		for (Row row : rows) {
			Cells cells = cells(row, context);
			String code = cells.code(CODE);
			String name = cells.text(NAME, 100);
			Integer birthYear = cells.integer(BIRTH_YEAR, 1900, thisYear);
			if (code != null) {
				Integer first = firstRow.putIfAbsent(code, row.number());
				if (first != null) {
					cells.reject(CODE, ImportContext.duplicate(first));
				}
			}
			if (!cells.bad()) {
				Cadre stored = context.storedCadre(code);
				if (stored != null) {
					if (!context.cadreInScope(stored)) {
						cells.reject(CODE, ImportContext.outsideScope());
					}
					else {
						if (!stored.name().equals(name)) {
							cells.reject(NAME, ImportContext.differs("姓名", "name", stored.name(), name));
						}
						if (!Objects.equals(stored.birthYear(), birthYear)) {
							cells.reject(BIRTH_YEAR,
									ImportContext.differs("出生年份", "birth year", stored.birthYear(), birthYear));
						}
					}
					if (!cells.bad()) {
						context.unchanged++;
					}
				}
				else {
					context.plannedCadres.put(code, new ImportContext.PlannedCadre(code, row.number()));
					this.plan.add(new Planned(row, code, name, birthYear));
				}
			}
			if (cells.bad()) {
				context.refusedKey(this.kind, code, row.number());
			}
		}
	}

	@Override
	int plannedCreates() {
		return this.plan.size();
	}

	@Override
	void write(ImportContext context) {
		for (List<Planned> chunk : ImportContext.chunks(this.plan, ImportContext.INSERTS)) {
			List<org.bson.Document> documents = new ArrayList<>();
			for (Planned cadre : chunk) {
				String id = new org.bson.types.ObjectId().toHexString();
				context.plannedCadres.get(cadre.code()).id = id;
				documents.add(new org.bson.Document("_id", id).append("code", cadre.code())
					.append("name", cadre.name())
					.append("birthYear", cadre.birthYear())
					.append("orgScope", List.of())
					.append("stamp", BulkWrites.stamp(context)));
			}
			if (BulkWrites.insert(context.mongo, Cadre.class, documents)) {
				context.created += chunk.size();
			}
			else {
				chunk.forEach((cadre) -> writeOne(cadre, context));
			}
		}
	}

	/**
	 * After a bulk insert met a code taken meanwhile: row by row, as the service does.
	 */
	private void writeOne(Planned cadre, ImportContext context) {
		Cadre stored = this.services.cadres().findByCode(cadre.code()).orElse(null);
		if (stored != null && stored.id().equals(context.plannedCadres.get(cadre.code()).id)) {
			context.created++;
			return;
		}
		try {
			Cadre created = this.services.cadres()
				.register(new CadreService.RegisterCadre(cadre.code(), cadre.name(), cadre.birthYear()));
			context.plannedCadres.get(cadre.code()).id = created.id();
			context.created++;
		}
		catch (DomainException ex) {
			context.plannedCadres.get(cadre.code()).id = null;
			failed(cadre.row(), context, ex);
		}
	}

}
