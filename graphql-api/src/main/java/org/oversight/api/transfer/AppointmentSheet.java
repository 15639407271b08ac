package org.oversight.api.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.CadreService;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.DomainException;
import org.oversight.core.organization.Organization;

/**
 * 任职: keyed by 干部编号 + 组织代码 + 任职开始日期. A stored appointment with the same values is
 * unchanged; one still open that the row gives an end is ended (免职) on that day; any
 * other difference is refused. New appointments are checked like the domain does: no two
 * posts of one cadre in one organization overlap, and no two principals of one
 * organization overlap (against the database and the other rows of the file).
 */
final class AppointmentSheet extends SheetImport {

	static final Choices<TeamRole> ROLES = Choices.of(TeamRole.class, TeamRole::label)
		.alias("纪委书记", TeamRole.DISCIPLINE_SECRETARY)
		.alias("纪检组长", TeamRole.DISCIPLINE_SECRETARY)
		.alias("党委书记", TeamRole.PRINCIPAL)
		.alias("正职", TeamRole.PRINCIPAL)
		.alias("副书记", TeamRole.DEPUTY)
		.alias("成员", TeamRole.MEMBER);

	static final int CADRE = 0;

	static final int ORGANIZATION = 1;

	static final int ROLE = 2;

	static final int TITLE = 3;

	static final int START = 4;

	static final int END = 5;

	static final List<Column> COLUMNS = List.of(
			Column.required("cadreCode", "干部编号", "干部须已登记或在本文件（干部表）中",
					"the cadre, stored or in this file's cadre sheet"),
			Column.required("organizationCode", "组织代码", "任职组织，须在您的组织范围内", "where the post is, inside your scope"),
			Column.required("role", "班子角色", "见可选值", "one of the values listed").allowing(ROLES.labels()),
			Column.required("title", "职务", "如“市委书记”，不超过100字", "e.g. 'Party secretary', at most 100 characters"),
			Column.required("start", "任职开始日期", "如 2024-01-31", "e.g. 2024-01-31"),
			Column.optional("end", "任职结束日期", "空表示现任；不早于开始日期", "empty while held; not before the start"));

	private record Parsed(Row row, String cadreCode, String orgCode, TeamRole role, String title, LocalDate start,
			LocalDate end) {

		boolean overlaps(LocalDate otherStart, LocalDate otherEnd) {
			return (otherEnd == null || !this.start.isAfter(otherEnd))
					&& (this.end == null || !otherStart.isAfter(this.end));
		}

	}

	private final List<Parsed> creates = new ArrayList<>();

	private final Map<Parsed, Appointment> ends = new java.util.LinkedHashMap<>();

	private final List<Parsed> repairs = new ArrayList<>();

	AppointmentSheet(Services services) {
		super(TransferKind.APPOINTMENTS, services);
	}

	@Override
	void validate(List<Row> rows, ImportContext context) {
		context.loadCadres(codes(rows, CADRE));
		context.loadOrganizations(codes(rows, ORGANIZATION));
		List<Parsed> parsed = new ArrayList<>();
		Map<String, Integer> firstRow = new HashMap<>();
		for (Row row : rows) {
			Cells cells = cells(row, context);
			String cadreCode = cells.code(CADRE);
			String orgCode = cells.code(ORGANIZATION);
			TeamRole role = cells.choice(ROLE, ROLES);
			String title = cells.text(TITLE, 100);
			LocalDate start = cells.date(START);
			LocalDate end = cells.date(END);
			if (start != null && end != null && end.isBefore(start)) {
				cells.reject(END, Message.of("不能早于任职开始日期", "must not be before the start"));
			}
			if (cadreCode != null && orgCode != null && start != null) {
				Integer first = firstRow.putIfAbsent(cadreCode + "\u0000" + orgCode + "\u0000" + start, row.number());
				if (first != null) {
					cells.reject(START, ImportContext.duplicate(first));
				}
			}
			boolean cadreOk = context.usableCadre(cells, CADRE, cadreCode);
			boolean orgOk = context.usableOrganization(cells, ORGANIZATION, orgCode);
			if (orgOk && start != null) {
				LocalDate dissolvedOn = context.dissolvedOn(orgCode);
				if (dissolvedOn != null) {
					if (start.isAfter(dissolvedOn)) {
						cells.reject(START, Message.of("晚于组织撤销日期" + dissolvedOn,
								"is after the organization was dissolved (" + dissolvedOn + ")"));
					}
					else if (end == null || end.isAfter(dissolvedOn)) {
						cells.reject(END, Message.of("组织已于" + dissolvedOn + "撤销，须填写不晚于该日的结束日期",
								"must be given and not after the organization was dissolved (" + dissolvedOn + ")"));
					}
				}
			}
			if (!cells.bad() && cadreOk && orgOk) {
				parsed.add(new Parsed(row, cadreCode, orgCode, role, title, start, end));
			}
		}
		Map<String, List<Appointment>> byCadre = storedAppointments(parsed, context);
		Map<String, List<Appointment>> principals = storedPrincipals(parsed, context);
		Map<String, LocalDate> endingOn = new HashMap<>();
		List<Parsed> fresh = new ArrayList<>();
		for (Parsed row : parsed) {
			Cadre cadre = context.storedCadre(row.cadreCode());
			Organization org = context.storedOrg(row.orgCode());
			Appointment same = null;
			if (cadre != null && org != null) {
				same = byCadre.getOrDefault(cadre.id(), List.of())
					.stream()
					.filter((a) -> a.organizationId().equals(org.id()) && a.start().equals(row.start()))
					.findFirst()
					.orElse(null);
			}
			if (same == null) {
				fresh.add(row);
				continue;
			}
			Cells cells = cells(row.row(), context);
			if (same.role() != row.role()) {
				cells.reject(ROLE,
						ImportContext.differs("班子角色", "role", ROLES.label(same.role()), ROLES.label(row.role())));
			}
			if (!same.title().equals(row.title())) {
				cells.reject(TITLE, ImportContext.differs("职务", "title", same.title(), row.title()));
			}
			if (!cells.bad()) {
				if (Objects.equals(same.end(), row.end())) {
					context.unchanged++;
					if (!cadre.orgScope().containsAll(org.path())) {
						// an import cut off between storing posts and widening scopes
						this.repairs.add(row);
					}
				}
				else if (same.end() == null) {
					this.ends.put(row, same);
					endingOn.put(same.id(), row.end());
				}
				else {
					cells.reject(END, ImportContext.differs("任职结束日期", "end", same.end(), row.end()));
				}
			}
		}
		List<Parsed> accepted = new ArrayList<>();
		// the accepted rows by organization: a row can only overlap those of its own
		Map<String, List<Parsed>> acceptedIn = new HashMap<>();
		for (Parsed row : fresh) {
			Cells cells = cells(row.row(), context);
			Cadre cadre = context.storedCadre(row.cadreCode());
			Organization org = context.storedOrg(row.orgCode());
			if (cadre != null && org != null) {
				for (Appointment held : byCadre.getOrDefault(cadre.id(), List.of())) {
					if (held.organizationId().equals(org.id())
							&& row.overlaps(held.start(), endingOn.getOrDefault(held.id(), held.end()))) {
						cells.reject(START, Message.of("该干部在此组织已有重叠的任职（" + span(held.start(), held.end()) + "）",
								"the cadre already holds a post there from " + span(held.start(), held.end())));
						break;
					}
				}
			}
			if (row.role() == TeamRole.PRINCIPAL && org != null && !cells.bad()) {
				for (Appointment principal : principals.getOrDefault(org.id(), List.of())) {
					LocalDate principalEnd = endingOn.getOrDefault(principal.id(), principal.end());
					if (row.overlaps(principal.start(), principalEnd)) {
						cells.reject(START,
								Message.of("该组织在此期间已有一把手（" + span(principal.start(), principalEnd) + "）",
										"the organization already has a principal from "
												+ span(principal.start(), principalEnd)));
						break;
					}
				}
			}
			if (!cells.bad()) {
				for (Parsed other : acceptedIn.getOrDefault(row.orgCode(), List.of())) {
					if (other.orgCode().equals(row.orgCode()) && other.overlaps(row.start(), row.end())
							&& (other.cadreCode().equals(row.cadreCode())
									|| (other.role() == TeamRole.PRINCIPAL && row.role() == TeamRole.PRINCIPAL))) {
						cells.reject(START, Message.of("与第" + other.row().number() + "行的任职期间重叠",
								"overlaps the post on row " + other.row().number()));
						break;
					}
				}
			}
			if (!cells.bad()) {
				accepted.add(row);
				acceptedIn.computeIfAbsent(row.orgCode(), (k) -> new ArrayList<>()).add(row);
			}
		}
		this.creates.addAll(accepted);
	}

	private static String span(LocalDate start, LocalDate end) {
		return start + " ~ " + ((end != null) ? end : "");
	}

	private static List<String> codes(List<Row> rows, int column) {
		return rows.stream().map((r) -> r.get(column)).filter(Objects::nonNull).map(String::strip).toList();
	}

	private Map<String, List<Appointment>> storedAppointments(List<Parsed> rows, ImportContext context) {
		List<String> cadreIds = rows.stream()
			.map((r) -> context.storedCadre(r.cadreCode()))
			.filter(Objects::nonNull)
			.map(Cadre::id)
			.distinct()
			.toList();
		Map<String, List<Appointment>> result = new HashMap<>();
		context.inQueries.find(Appointment.class, null, "cadreId", cadreIds, Appointment::cadreId)
			.forEach((a) -> result.computeIfAbsent(a.cadreId(), (k) -> new ArrayList<>()).add(a));
		return result;
	}

	private Map<String, List<Appointment>> storedPrincipals(List<Parsed> rows, ImportContext context) {
		List<String> orgIds = rows.stream()
			.filter((r) -> r.role() == TeamRole.PRINCIPAL)
			.map((r) -> context.storedOrg(r.orgCode()))
			.filter(Objects::nonNull)
			.map(Organization::id)
			.distinct()
			.toList();
		Map<String, List<Appointment>> result = new HashMap<>();
		context.inQueries
			.find(Appointment.class, Criteria.where("role").is(TeamRole.PRINCIPAL), "organizationId", orgIds,
					Appointment::organizationId)
			.forEach((a) -> result.computeIfAbsent(a.organizationId(), (k) -> new ArrayList<>()).add(a));
		return result;
	}

	@Override
	int plannedCreates() {
		return this.creates.size();
	}

	@Override
	int plannedUpdates() {
		return this.ends.size();
	}

	private static void widenScopes(List<Parsed> rows, ImportContext context) {
		if (rows.isEmpty()) {
			return;
		}
		var operations = context.mongo.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED,
				Cadre.class);
		for (Parsed row : rows) {
			operations.updateOne(Query.query(Criteria.where("_id").is(context.cadreId(row.cadreCode()))),
					new org.springframework.data.mongodb.core.query.Update().addToSet("orgScope")
						.each(context.organizationPath(row.orgCode()).toArray()));
		}
		operations.execute();
	}

	/**
	 * Ends the posts the file gives an end (免职), then stores the new posts through
	 * {@code CadreService.appointAll}: the checks and the principal seat of
	 * {@code appoint}, the posts inserted in bulk, then each cadre's scope widened. A
	 * crash between the posts and the scopes is repaired by the next import of the file,
	 * which finds the posts stored and widens the scopes again ({@code $addToSet} is
	 * idempotent).
	 */
	@Override
	void write(ImportContext context) {
		widenScopes(this.repairs, context);
		this.ends.forEach((row, appointment) -> {
			try {
				this.services.cadres().endAppointment(appointment.id(), row.end());
				context.updated++;
			}
			catch (DomainException ex) {
				failed(row.row(), context, ex);
			}
		});
		List<Parsed> rows = new ArrayList<>();
		List<CadreService.Appoint> commands = new ArrayList<>();
		for (Parsed row : this.creates) {
			String cadreId = context.cadreId(row.cadreCode());
			String orgId = context.organizationId(row.orgCode());
			if (cadreId == null || orgId == null) {
				cells(row.row(), context).reject((cadreId == null) ? CADRE : ORGANIZATION,
						Message.of("引用的记录未能写入", "the record it refers to could not be written"));
				continue;
			}
			rows.add(row);
			commands.add(new CadreService.Appoint(cadreId, orgId, row.role(), row.title(), row.start(), row.end()));
		}
		List<CadreService.Appointed> appointed = this.services.cadres().appointAll(commands);
		for (int i = 0; i < rows.size(); i++) {
			DomainException refused = appointed.get(i).refused();
			if (refused == null) {
				context.created++;
			}
			else {
				failed(rows.get(i).row(), context, refused);
			}
		}
	}

}
