package org.oversight.api.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.organization.Organization;
import org.oversight.core.talk.Talk;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.talk.TalkService;

/**
 * 谈话: keyed by 谈话类型 + 谈话日期 + 谈话对象 + 组织 (one talk of a kind with a cadre on a day under
 * one organization). A stored talk with the same key and the same conductors, summary and
 * issues is unchanged; with other values it is refused.
 */
final class TalkSheet extends SheetImport {

	static final Choices<TalkKind> KINDS = Choices.of(TalkKind.class, TalkKind::label)
		.alias("诫勉谈话", TalkKind.ADMONITION)
		.alias("任前谈话", TalkKind.APPOINTMENT);

	static final int KIND = 0;

	static final int DATE = 1;

	static final int SUBJECT = 2;

	static final int CONDUCTED_BY = 3;

	static final int ORGANIZATION = 4;

	static final int SUMMARY = 5;

	static final int ISSUES = 6;

	static final List<Column> COLUMNS = List.of(
			Column.required("kind", "谈话类型", "见可选值", "one of the values listed").allowing(KINDS.labels()),
			Column.required("date", "谈话日期", "不晚于今天", "not after today"),
			Column.required("subjectCode", "谈话对象干部编号", "被谈话的干部", "the cadre talked to"),
			Column.required("conductedByCodes", "谈话人干部编号", "一人或多人，用逗号或顿号分隔；不能包含谈话对象",
					"one or more, separated by commas or 、; not the subject"),
			Column.required("organizationCode", "组织代码", "谈话登记所在组织，须在您的组织范围内",
					"the organization the talk is recorded under, inside your scope"),
			Column.optional("summary", "谈话摘要", "不超过10000字", "at most 10,000 characters"),
			Column.optional("issuesRaised", "指出的问题", "每行一项", "one per line"));

	private record Parsed(Row row, TalkKind kind, LocalDate date, String subjectCode, List<String> conductorCodes,
			String orgCode, String summary, List<String> issues) {

		String key() {
			return this.kind + "\u0000" + this.date + "\u0000" + this.subjectCode + "\u0000" + this.orgCode;
		}

	}

	private final List<Parsed> plan = new ArrayList<>();

	TalkSheet(Services services) {
		super(TransferKind.TALKS, services);
	}

	@Override
	void validate(List<Row> rows, ImportContext context) {
		List<String> cadreCodes = new ArrayList<>();
		List<String> orgCodes = new ArrayList<>();
		for (Row row : rows) {
			cadreCodes.add(row.get(SUBJECT));
			String conductors = row.get(CONDUCTED_BY);
			if (conductors != null) {
				cadreCodes.addAll(List.of(conductors.strip().split("[,，、;；\\s]+")));
			}
			orgCodes.add(row.get(ORGANIZATION));
		}
		context.loadCadres(cadreCodes.stream().filter(Objects::nonNull).map(String::strip).toList());
		context.loadOrganizations(orgCodes.stream().filter(Objects::nonNull).map(String::strip).toList());
		List<Parsed> parsed = new ArrayList<>();
		Map<String, Integer> firstRow = new HashMap<>();
		for (Row row : rows) {
			Cells cells = cells(row, context);
			TalkKind kind = cells.choice(KIND, KINDS);
			LocalDate date = cells.date(DATE);
			if (date != null && date.isAfter(context.today)) {
				cells.reject(DATE, Message.of("谈话须已发生，不能晚于今天", "a talk is recorded once held; it is after today"));
			}
			String subject = cells.code(SUBJECT);
			List<String> conductors = List.copyOf(new LinkedHashSet<>(cells.codes(CONDUCTED_BY)));
			String orgCode = cells.code(ORGANIZATION);
			String summary = cells.text(SUMMARY, 10_000);
			List<String> issues = cells.lines(ISSUES, 10_000);
			if (subject != null && conductors.contains(subject)) {
				cells.reject(CONDUCTED_BY, Message.of("谈话对象不能是谈话人", "the subject cannot conduct their own talk"));
			}
			context.usableCadre(cells, SUBJECT, subject);
			for (String conductor : conductors) {
				if (!context.usableCadre(cells, CONDUCTED_BY, conductor)) {
					break;
				}
			}
			context.usableOrganization(cells, ORGANIZATION, orgCode);
			if (!cells.bad()) {
				Parsed talk = new Parsed(row, kind, date, subject, conductors, orgCode, summary, issues);
				Integer first = firstRow.putIfAbsent(talk.key(), row.number());
				if (first != null) {
					cells.reject(DATE, ImportContext.duplicate(first));
				}
				else {
					parsed.add(talk);
				}
			}
		}
		Map<String, Talk> stored = storedTalks(parsed, context);
		for (Parsed talk : parsed) {
			Talk same = stored.get(storedKey(talk, context));
			if (same == null) {
				this.plan.add(talk);
				continue;
			}
			Cells cells = cells(talk.row(), context);
			List<String> conductorIds = talk.conductorCodes().stream().map(context::cadreId).toList();
			if (!same.conductedByIds().equals(conductorIds)) {
				cells.reject(CONDUCTED_BY, Message.of("已存在且谈话人不同", "already recorded with other conductors"));
			}
			if (!Objects.equals(same.summary(), talk.summary())) {
				cells.reject(SUMMARY, Message.of("已存在且谈话摘要不同", "already recorded with another summary"));
			}
			if (!same.issuesRaised().equals(talk.issues())) {
				cells.reject(ISSUES, Message.of("已存在且指出的问题不同", "already recorded with other issues"));
			}
			if (!cells.bad()) {
				context.unchanged++;
			}
		}
	}

	/** The key of a stored talk, or null when subject or organization is not stored. */
	private static String storedKey(Parsed talk, ImportContext context) {
		Cadre subject = context.storedCadre(talk.subjectCode());
		Organization org = context.storedOrg(talk.orgCode());
		if (subject == null || org == null) {
			return null;
		}
		return talk.kind() + "\u0000" + talk.date() + "\u0000" + subject.id() + "\u0000" + org.id();
	}

	private Map<String, Talk> storedTalks(List<Parsed> rows, ImportContext context) {
		List<String> subjectIds = rows.stream()
			.map((r) -> context.storedCadre(r.subjectCode()))
			.filter(Objects::nonNull)
			.map(Cadre::id)
			.distinct()
			.toList();
		Map<String, Talk> result = new HashMap<>();
		for (Talk talk : context.inQueries.find(Talk.class, null, "subjectId", subjectIds, Talk::subjectId)) {
			result.putIfAbsent(talk.kind() + "\u0000" + talk.date() + "\u0000" + talk.subjectId() + "\u0000"
					+ talk.organizationId(), talk);
		}
		return result;
	}

	@Override
	int plannedCreates() {
		return this.plan.size();
	}

	@Override
	void write(ImportContext context) {
		List<Parsed> recording = new ArrayList<>();
		List<TalkService.RecordTalk> commands = new ArrayList<>();
		for (Parsed talk : this.plan) {
			String subjectId = context.cadreId(talk.subjectCode());
			List<String> conductorIds = talk.conductorCodes().stream().map(context::cadreId).toList();
			String orgId = context.organizationId(talk.orgCode());
			if (subjectId == null || orgId == null || conductorIds.contains(null)) {
				cells(talk.row(), context).reject(-1,
						Message.of("引用的记录未能写入", "a record it refers to could not be written"));
				continue;
			}
			recording.add(talk);
			commands.add(new TalkService.RecordTalk(talk.kind(), talk.date(), subjectId, conductorIds, orgId,
					talk.summary(), talk.issues()));
		}
		List<TalkService.Recorded> results = this.services.talks().recordAll(commands);
		for (int i = 0; i < results.size(); i++) {
			if (results.get(i).refused() != null) {
				failed(recording.get(i).row(), context, results.get(i).refused());
			}
			else {
				context.created++;
			}
		}
	}

}
