package org.oversight.api.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.oversight.core.finding.Finding;
import org.oversight.core.organization.Organization;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationMode;
import org.oversight.core.rectification.RectificationService;
import org.oversight.core.rectification.RectificationStatus;

/**
 * 整改: a task of the finding named by 问题编号, keyed by that finding and 整改措施 (one finding's
 * tasks differ by their measures). A stored task with the same values is unchanged; with
 * other values (a deadline since extended, a task since reassigned) it is refused, never
 * rolled back.
 */
final class RectificationSheet extends SheetImport {

	static final Choices<RectificationMode> MODES = Choices.of(RectificationMode.class, RectificationMode::label)
		.alias("立行立改", RectificationMode.IMMEDIATE)
		.alias("限期", RectificationMode.DEADLINE)
		.alias("提级", RectificationMode.ESCALATED);

	static final Choices<RectificationStatus> STATUSES = Choices.of(RectificationStatus.class,
			RectificationStatus::label);

	static final int FINDING = 0;

	static final int ORGANIZATION = 1;

	static final int CADRE = 2;

	static final int MODE = 3;

	static final int MEASURES = 4;

	static final int DEADLINE = 5;

	static final int STATUS = 6;

	static final int ASSIGNED_ON = 7;

	static final List<Column> COLUMNS = List.of(
			Column.required("findingKey", "问题编号", "所整改问题的编号（问题表或已导入的问题）",
					"the finding's key, from the finding sheet or an earlier import"),
			Column.required("responsibleOrganizationCode", "责任单位代码", "须在您的组织范围内", "inside your scope"),
			Column.optional("responsibleCadreCode", "责任人干部编号", "可空", "optional"),
			Column.required("mode", "整改方式", "见可选值", "one of the values listed").allowing(MODES.labels()),
			Column.required("measures", "整改措施", "不超过10000字；同一问题的各项整改以措施区分",
					"at most 10,000 characters; tells one finding's tasks apart"),
			Column.required("deadline", "整改期限", "不早于问题的发现日期", "not before the finding was reported"),
			Column.exportOnly("status", "整改状态", "导出时填写，导入时忽略", "written by exports, ignored by imports"),
			Column.exportOnly("assignedOn", "交办日期", "导出时填写，导入时忽略", "written by exports, ignored by imports"));

	private record Parsed(Row row, String findingKey, String orgCode, String cadreCode, RectificationMode mode,
			String measures, LocalDate deadline) {
	}

	private final List<Parsed> plan = new ArrayList<>();

	private final Set<String> recount = new LinkedHashSet<>();

	RectificationSheet(Services services) {
		super(TransferKind.RECTIFICATIONS, services);
	}

	@Override
	void validate(List<Row> rows, ImportContext context) {
		context.loadFindings(codes(rows, FINDING));
		context.loadOrganizations(codes(rows, ORGANIZATION));
		context.loadCadres(codes(rows, CADRE));
		List<Parsed> parsed = new ArrayList<>();
		Map<String, Integer> firstRow = new HashMap<>();
		for (Row row : rows) {
			Cells cells = cells(row, context);
			String findingKey = cells.text(FINDING, 100);
			String orgCode = cells.code(ORGANIZATION);
			String cadreCode = cells.code(CADRE);
			RectificationMode mode = cells.choice(MODE, MODES);
			String measures = cells.text(MEASURES, 10_000);
			LocalDate deadline = cells.date(DEADLINE);
			LocalDate reportedOn = null;
			if (findingKey != null) {
				Finding stored = context.storedFinding(findingKey);
				ImportContext.PlannedFinding planned = context.plannedFindings.get(findingKey);
				if (stored != null) {
					if (!context.findingInScope(stored)) {
						cells.reject(FINDING, ImportContext.outsideScope());
					}
					else if (stored.dismissed()) {
						cells.reject(FINDING, Message.of("问题已澄清（撤销），不能交办整改", "the finding was dismissed"));
					}
					reportedOn = stored.reportedOn();
				}
				else if (planned != null) {
					reportedOn = planned.reportedOn;
				}
				else {
					Integer refused = context.refusedRowOf(TransferKind.FINDINGS, findingKey);
					cells.reject(FINDING,
							(refused != null) ? ImportContext.refusedReference("问题", "finding", refused) : Message.of(
									"问题编号“" + findingKey + "”不存在（数据库和本文件中都没有）",
									"no finding has key '" + findingKey + "' (neither stored nor in this file)"));
				}
			}
			if (deadline != null && reportedOn != null && deadline.isBefore(reportedOn)) {
				cells.reject(DEADLINE, Message.of("不能早于问题的发现日期（" + reportedOn + "）",
						"must not be before the finding's reported date (" + reportedOn + ")"));
			}
			context.usableOrganization(cells, ORGANIZATION, orgCode);
			if (cadreCode != null) {
				context.usableCadre(cells, CADRE, cadreCode);
			}
			if (findingKey != null && measures != null) {
				Integer first = firstRow.putIfAbsent(findingKey + "\u0000" + measures, row.number());
				if (first != null) {
					cells.reject(MEASURES, ImportContext.duplicate(first));
				}
			}
			if (!cells.bad()) {
				parsed.add(new Parsed(row, findingKey, orgCode, cadreCode, mode, measures, deadline));
			}
		}
		Map<String, List<Rectification>> stored = storedTasks(parsed, context);
		for (Parsed task : parsed) {
			Finding finding = context.storedFinding(task.findingKey());
			Rectification same = null;
			if (finding != null) {
				List<Rectification> tasks = stored.getOrDefault(finding.id(), List.of());
				if (finding.tasks() != tasks.size()) {
					this.recount.add(finding.id());
				}
				same = tasks.stream().filter((t) -> t.measures().equals(task.measures())).findFirst().orElse(null);
			}
			Cells cells = cells(task.row(), context);
			Organization org = context.storedOrg(task.orgCode());
			if (same == null) {
				// a new task for an organization stored as dissolved is refused, as
				// RectificationService.assign refuses it; one the file dissolves is
				// dissolved after its tasks are written
				if (org != null && org.dissolved()) {
					cells.reject(ORGANIZATION, Message.of("责任单位已于" + org.dissolvedOn() + "撤销",
							"the organization was dissolved on " + org.dissolvedOn()));
				}
				else {
					this.plan.add(task);
				}
				continue;
			}
			if (org == null || !org.id().equals(same.responsibleOrganizationId())) {
				cells.reject(ORGANIZATION, Message.of("已存在且责任单位不同", "already exists with another organization"));
			}
			if (!Objects.equals(same.responsibleCadreId(), context.cadreId(task.cadreCode()))) {
				cells.reject(CADRE, Message.of("已存在且责任人不同", "already exists with another responsible cadre"));
			}
			if (same.mode() != task.mode()) {
				cells.reject(MODE,
						ImportContext.differs("整改方式", "mode", MODES.label(same.mode()), MODES.label(task.mode())));
			}
			if (!same.deadline().equals(task.deadline())) {
				cells.reject(DEADLINE, ImportContext.differs("整改期限", "deadline", same.deadline(), task.deadline()));
			}
			if (!cells.bad()) {
				context.unchanged++;
			}
		}
	}

	private static List<String> codes(List<Row> rows, int column) {
		return rows.stream().map((r) -> r.get(column)).filter(Objects::nonNull).map(String::strip).toList();
	}

	private Map<String, List<Rectification>> storedTasks(List<Parsed> rows, ImportContext context) {
		List<String> findingIds = rows.stream()
			.map((r) -> context.storedFinding(r.findingKey()))
			.filter(Objects::nonNull)
			.map(Finding::id)
			.distinct()
			.toList();
		Map<String, List<Rectification>> result = new HashMap<>();
		context.inQueries.find(Rectification.class, null, "findingId", findingIds, Rectification::findingId)
			.forEach((t) -> result.computeIfAbsent(t.findingId(), (k) -> new ArrayList<>()).add(t));
		return result;
	}

	@Override
	int plannedCreates() {
		return this.plan.size();
	}

	@Override
	void write(ImportContext context) {
		this.services.findings().tasksChangedAll(this.recount);
		List<Parsed> assigning = new ArrayList<>();
		List<RectificationService.AssignRectification> commands = new ArrayList<>();
		for (Parsed task : this.plan) {
			Finding stored = context.storedFinding(task.findingKey());
			String findingId = (stored != null) ? stored.id() : (context.plannedFindings.containsKey(task.findingKey())
					? context.plannedFindings.get(task.findingKey()).id : null);
			String orgId = context.organizationId(task.orgCode());
			String cadreId = context.cadreId(task.cadreCode());
			if (findingId == null || orgId == null || (task.cadreCode() != null && cadreId == null)) {
				cells(task.row(), context).reject(-1,
						Message.of("引用的记录未能写入", "a record it refers to could not be written"));
				continue;
			}
			assigning.add(task);
			commands.add(new RectificationService.AssignRectification(findingId, orgId, cadreId, task.mode(),
					task.measures(), task.deadline()));
		}
		List<RectificationService.Assigned> results = this.services.rectifications().assignAll(commands);
		for (int i = 0; i < results.size(); i++) {
			if (results.get(i).refused() != null) {
				failed(assigning.get(i).row(), context, results.get(i).refused());
			}
			else {
				context.created++;
			}
		}
	}

}
