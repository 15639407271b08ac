package org.oversight.api.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.finding.DispositionForm;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingCategory;
import org.oversight.core.finding.FindingService;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.FindingStatus;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.Organization;

/**
 * 问题: keyed by 问题编号, a key the user gives (findings have no code of their own): kept in
 * {@link ImportKeys}; a finding registered through the API is exported with its id as its
 * key, which an import of the same database recognises. A stored finding with the same
 * values is unchanged; with other values it is refused. The informant is stored when
 * given but never compared or exported without the right to read it.
 */
final class FindingSheet extends SheetImport {

	static final Choices<FindingSource> SOURCES = Choices.of(FindingSource.class, FindingSource::label)
		.alias("信访", FindingSource.PETITION)
		.alias("举报", FindingSource.PETITION);

	static final Choices<FindingCategory> CATEGORIES = Choices.of(FindingCategory.class, FindingCategory::label)
		.alias("违反政治纪律", FindingCategory.POLITICAL_DISCIPLINE)
		.alias("违反廉洁纪律", FindingCategory.INTEGRITY)
		.alias("违反群众纪律", FindingCategory.MASS_DISCIPLINE);

	static final Choices<Severity> SEVERITIES = Choices.of(Severity.class, Severity::label)
		.alias("苗头性", Severity.EARLY_SIGN)
		.alias("倾向性", Severity.EARLY_SIGN)
		.alias("一般", Severity.GENERAL)
		.alias("严重", Severity.SERIOUS);

	static final Choices<DispositionForm> DISPOSITIONS = Choices.of(DispositionForm.class, DispositionForm::label);

	static final Choices<FindingStatus> STATUSES = Choices.of(FindingStatus.class, FindingStatus::label);

	static final int KEY = 0;

	static final int SOURCE = 1;

	static final int CATEGORY = 2;

	static final int SEVERITY = 3;

	static final int DESCRIPTION = 4;

	static final int ORGANIZATION = 5;

	static final int SUBJECT = 6;

	static final int REPORTED_ON = 7;

	static final int DISPOSITION = 8;

	static final int INFORMANT = 9;

	static final int STATUS = 10;

	static final int CONCERNS_PRINCIPAL = 11;

	static final List<Column> COLUMNS = List.of(
			Column.required("key", "问题编号", "唯一的问题编号（自定，整改表用它引用问题）",
					"a unique key you choose; the rectification sheet refers to the finding by it"),
			Column.required("source", "问题来源", "见可选值", "one of the values listed").allowing(SOURCES.labels()),
			Column.required("category", "问题类别", "见可选值", "one of the values listed").allowing(CATEGORIES.labels()),
			Column.required("severity", "严重程度", "见可选值", "one of the values listed").allowing(SEVERITIES.labels()),
			Column.required("description", "问题描述", "不超过10000字", "at most 10,000 characters"),
			Column.required("organizationCode", "组织代码", "问题所在组织，须在您的组织范围内",
					"the organization it is about, inside your scope"),
			Column.optional("subjectCode", "涉及干部编号", "问题涉及的干部（可空）", "the cadre it is about, if any"),
			Column.required("reportedOn", "发现日期", "不晚于今天", "not after today"),
			Column.optional("disposition", "处置形态", "四种形态之一（可空）", "one of the four forms, if decided")
				.allowing(DISPOSITIONS.labels()),
			Column.optional("informant", "举报人", "受保护：仅有权限者可见，导出仅对其填写",
					"protected: shown and exported only to those allowed to read it"),
			Column.exportOnly("status", "问题状态", "导出时填写，导入时忽略", "written by exports, ignored by imports"),
			Column.exportOnly("concernsPrincipal", "涉及一把手", "导出时填写，导入时忽略", "written by exports, ignored by imports"));

	private record Parsed(Row row, String key, FindingSource source, FindingCategory category, Severity severity,
			String description, String orgCode, String subjectCode, LocalDate reportedOn, DispositionForm disposition,
			String informant) {
	}

	private final List<Parsed> plan = new ArrayList<>();

	FindingSheet(Services services) {
		super(TransferKind.FINDINGS, services);
	}

	@Override
	void validate(List<Row> rows, ImportContext context) {
		context.loadFindings(codes(rows, KEY));
		context.loadOrganizations(codes(rows, ORGANIZATION));
		context.loadCadres(codes(rows, SUBJECT));
		List<String> storedOrgIds = new ArrayList<>();
		for (Row row : rows) {
			Finding stored = (row.get(KEY) != null) ? context.storedFinding(row.get(KEY).strip()) : null;
			if (stored != null) {
				storedOrgIds.add(stored.organizationId());
			}
		}
		Map<String, Organization> orgsById = context.organizationsById(storedOrgIds);
		Map<String, Integer> firstRow = new HashMap<>();
		for (Row row : rows) {
			Cells cells = cells(row, context);
			String key = cells.text(KEY, 100);
			FindingSource source = cells.choice(SOURCE, SOURCES);
			FindingCategory category = cells.choice(CATEGORY, CATEGORIES);
			Severity severity = cells.choice(SEVERITY, SEVERITIES);
			String description = cells.text(DESCRIPTION, 10_000);
			String orgCode = cells.code(ORGANIZATION);
			String subjectCode = cells.code(SUBJECT);
			LocalDate reportedOn = cells.date(REPORTED_ON);
			if (reportedOn != null && reportedOn.isAfter(context.today)) {
				cells.reject(REPORTED_ON, Message.of("不能晚于今天", "is after today"));
			}
			DispositionForm disposition = cells.choice(DISPOSITION, DISPOSITIONS);
			String informant = cells.text(INFORMANT, 500);
			if (key != null) {
				Integer first = firstRow.putIfAbsent(key, row.number());
				if (first != null) {
					cells.reject(KEY, ImportContext.duplicate(first));
				}
			}
			boolean orgOk = context.usableOrganization(cells, ORGANIZATION, orgCode);
			if (subjectCode != null && context.usableCadre(cells, SUBJECT, subjectCode)) {
				Cadre subject = context.storedCadre(subjectCode);
				if (subject != null && context.viewer.scope().recused(subject.id())) {
					cells.reject(SUBJECT,
							Message.of("不能登记涉及您本人关联干部的问题", "cannot concern the cadre your account is linked to"));
				}
			}
			Finding stored = (key != null) ? context.storedFinding(key) : null;
			if (!cells.bad() && orgOk && stored != null) {
				if (!context.findingInScope(stored)) {
					cells.reject(KEY, ImportContext.outsideScope());
				}
				else {
					Organization org = orgsById.get(stored.organizationId());
					compare(cells, stored, (org != null) ? org.code() : null, source, category, severity, description,
							orgCode, context.cadreId(subjectCode), reportedOn, disposition);
				}
				if (!cells.bad()) {
					context.unchanged++;
				}
			}
			else if (!cells.bad()) {
				context.plannedFindings.put(key, new ImportContext.PlannedFinding(key, reportedOn, row.number()));
				this.plan.add(new Parsed(row, key, source, category, severity, description, orgCode, subjectCode,
						reportedOn, disposition, informant));
			}
			if (cells.bad()) {
				context.refusedKey(this.kind, key, row.number());
			}
		}
	}

	private static void compare(Cells cells, Finding stored, String storedOrgCode, FindingSource source,
			FindingCategory category, Severity severity, String description, String orgCode, String subjectId,
			LocalDate reportedOn, DispositionForm disposition) {
		if (stored.source() != source) {
			cells.reject(SOURCE,
					ImportContext.differs("问题来源", "source", SOURCES.label(stored.source()), SOURCES.label(source)));
		}
		if (stored.category() != category) {
			cells.reject(CATEGORY, ImportContext.differs("问题类别", "category", CATEGORIES.label(stored.category()),
					CATEGORIES.label(category)));
		}
		if (stored.severity() != severity) {
			cells.reject(SEVERITY, ImportContext.differs("严重程度", "severity", SEVERITIES.label(stored.severity()),
					SEVERITIES.label(severity)));
		}
		if (!stored.description().equals(description)) {
			cells.reject(DESCRIPTION, Message.of("已存在且问题描述不同", "already exists with another description"));
		}
		if (!Objects.equals(storedOrgCode, orgCode)) {
			cells.reject(ORGANIZATION, ImportContext.differs("组织代码", "organization", storedOrgCode, orgCode));
		}
		if (!Objects.equals(stored.subjectId(), subjectId)) {
			cells.reject(SUBJECT, Message.of("已存在且涉及干部不同", "already exists about another cadre"));
		}
		if (!stored.reportedOn().equals(reportedOn)) {
			cells.reject(REPORTED_ON, ImportContext.differs("发现日期", "reported date", stored.reportedOn(), reportedOn));
		}
		if (stored.disposition() != disposition) {
			cells.reject(DISPOSITION, ImportContext.differs("处置形态", "disposition",
					DISPOSITIONS.label(stored.disposition()), DISPOSITIONS.label(disposition)));
		}
	}

	private static List<String> codes(List<Row> rows, int column) {
		return rows.stream().map((r) -> r.get(column)).filter(Objects::nonNull).map(String::strip).toList();
	}

	@Override
	int plannedCreates() {
		return this.plan.size();
	}

	@Override
	void write(ImportContext context) {
		List<Parsed> writing = new ArrayList<>();
		Map<String, String> planned = new LinkedHashMap<>();
		for (Parsed finding : this.plan) {
			String orgId = context.organizationId(finding.orgCode());
			String subjectId = context.cadreId(finding.subjectCode());
			if (orgId == null || (finding.subjectCode() != null && subjectId == null)) {
				cells(finding.row(), context).reject((orgId == null) ? ORGANIZATION : SUBJECT,
						Message.of("引用的记录未能写入", "the record it refers to could not be written"));
				continue;
			}
			writing.add(finding);
			planned.put(finding.key(), new ObjectId().toHexString());
		}
		Map<String, String> reserved = context.keys.reserveFindings(planned);
		List<Parsed> registering = new ArrayList<>();
		List<FindingService.Registration> registrations = new ArrayList<>();
		for (Parsed finding : writing) {
			String orgId = context.organizationId(finding.orgCode());
			String subjectId = context.cadreId(finding.subjectCode());
			String id = reserved.get(finding.key());
			if (id == null) {
				Finding adopted = adoptable(finding, orgId, subjectId, context);
				id = (adopted != null) ? adopted.id() : planned.get(finding.key());
				context.keys.completeFinding(finding.key(), id);
				if (adopted != null) {
					written(finding, adopted.id(), context);
					continue;
				}
			}
			registering.add(finding);
			registrations.add(new FindingService.Registration(id,
					new FindingService.RegisterFinding(finding.source(), finding.category(), finding.severity(),
							finding.description(), orgId, subjectId, finding.reportedOn(), finding.disposition(),
							finding.informant())));
		}
		List<FindingService.Registered> results = this.services.findings().registerAll(registrations);
		for (int i = 0; i < results.size(); i++) {
			FindingService.Registered result = results.get(i);
			if (result.refused() != null) {
				failed(registering.get(i).row(), context, result.refused());
			}
			else {
				written(registering.get(i), result.finding().id(), context);
			}
		}
	}

	private static void written(Parsed finding, String id, ImportContext context) {
		context.plannedFindings.get(finding.key()).id = id;
		context.created++;
	}

	/**
	 * After an import stopped between registering a finding and completing its key: the
	 * finding with exactly the row's values that no key maps yet, if there is one.
	 */
	private static Finding adoptable(Parsed finding, String orgId, String subjectId, ImportContext context) {
		Criteria criteria = Criteria.where("organizationId")
			.is(orgId)
			.and("reportedOn")
			.is(finding.reportedOn())
			.and("source")
			.is(finding.source())
			.and("category")
			.is(finding.category())
			.and("severity")
			.is(finding.severity())
			.and("description")
			.is(finding.description())
			.and("subjectId")
			.is(subjectId);
		for (Finding candidate : context.mongo.find(Query.query(criteria), Finding.class)) {
			if (!context.keys.mapped(candidate.id())) {
				return candidate;
			}
		}
		return null;
	}

}
