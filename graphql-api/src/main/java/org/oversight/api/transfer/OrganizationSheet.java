package org.oversight.api.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import org.oversight.core.cadre.Appointment;
import org.oversight.core.common.Actor;
import org.oversight.core.common.DomainException;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.organization.OrgKind;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;

/**
 * 组织: keyed by 组织代码, the parent by 上级组织代码. Rows are written parent first whatever their
 * order in the file; a stored organization with the same code and values is unchanged,
 * one with other values is refused (imports never move or rename).
 */
final class OrganizationSheet extends SheetImport {

	static final Choices<OrgKind> KINDS = Choices.of(OrgKind.class, OrgKind::label)
		.alias("党委（党组）", OrgKind.PARTY_COMMITTEE)
		.alias("纪委", OrgKind.DISCIPLINE_COMMISSION)
		.alias("乡镇", OrgKind.TOWNSHIP)
		.alias("街道", OrgKind.TOWNSHIP)
		.alias("村", OrgKind.COMMUNITY)
		.alias("社区", OrgKind.COMMUNITY);

	static final Choices<OrgLevel> LEVELS = Choices.of(OrgLevel.class, OrgLevel::label)
		.alias("省", OrgLevel.PROVINCE)
		.alias("市", OrgLevel.CITY)
		.alias("县", OrgLevel.COUNTY)
		.alias("乡镇", OrgLevel.TOWNSHIP)
		.alias("村", OrgLevel.VILLAGE);

	static final int CODE = 0;

	static final int NAME = 1;

	static final int KIND = 2;

	static final int LEVEL = 3;

	static final int PARENT = 4;

	static final int DISSOLVED_ON = 5;

	static final List<Column> COLUMNS = List.of(
			Column.required("code", "组织代码", "唯一的组织代码，字母、数字、.、_、-",
					"unique organization code: letters, digits, '.', '_', '-'"),
			Column.required("name", "组织名称", "不超过200字", "at most 200 characters"),
			Column.required("kind", "组织类型", "见可选值", "one of the values listed").allowing(KINDS.labels()),
			Column.required("level", "组织层级", "不能高于上级组织的层级", "not above the parent's level").allowing(LEVELS.labels()),
			Column.optional("parentCode", "上级组织代码", "空表示顶级组织；上级可在本文件中任意位置",
					"empty for a top-level organization; the parent may be anywhere in the file"),
			Column.optional("dissolvedOn", "撤销日期", "空表示存续；不晚于今天，不早于该组织任何任职的开始日期；下级组织须同时撤销",
					"empty while it exists; not after today, not before any post there starts; the organizations below it must be dissolved too"));

	private record Planned(Row row, String code, String name, OrgKind kind, OrgLevel level, String parentCode,
			LocalDate dissolvedOn) {
	}

	/** A stored organization the file dissolves (撤销). */
	private record Dissolution(Row row, Organization stored, LocalDate on) {
	}

	private final List<Planned> plan = new ArrayList<>();

	private final List<Dissolution> dissolutions = new ArrayList<>();

	OrganizationSheet(Services services) {
		super(TransferKind.ORGANIZATIONS, services);
	}

	@Override
	void validate(List<Row> rows, ImportContext context) {
		Map<String, Planned> parsed = new LinkedHashMap<>();
		Map<String, Integer> firstRow = new HashMap<>();
		List<String> codes = new ArrayList<>();
		for (Row row : rows) {
			codes.add(row.get(CODE));
			codes.add(row.get(PARENT));
		}
		context.loadOrganizations(codes.stream().filter(Objects::nonNull).map(String::strip).toList());
		List<String> storedParents = new ArrayList<>();
		for (Row row : rows) {
			Organization stored = (row.get(CODE) != null) ? context.storedOrg(row.get(CODE).strip()) : null;
			if (stored != null && stored.parentId() != null) {
				storedParents.add(stored.parentId());
			}
		}
		context.organizationsById(storedParents);
		for (Row row : rows) {
			Cells cells = cells(row, context);
			String code = cells.code(CODE);
			String name = cells.text(NAME, 200);
			OrgKind kind = cells.choice(KIND, KINDS);
			OrgLevel level = cells.choice(LEVEL, LEVELS);
			String parentCode = cells.code(PARENT);
			LocalDate dissolvedOn = cells.date(DISSOLVED_ON);
			if (dissolvedOn != null && dissolvedOn.isAfter(context.today)) {
				cells.reject(DISSOLVED_ON, Message.of("不能晚于今天", "is after today"));
			}
			if (code != null) {
				Integer first = firstRow.putIfAbsent(code, row.number());
				if (first != null) {
					cells.reject(CODE, ImportContext.duplicate(first));
				}
				else if (code.equals(parentCode)) {
					cells.reject(PARENT, Message.of("不能是自己的上级", "cannot be its own parent"));
				}
			}
			if (cells.bad()) {
				context.refusedKey(this.kind, code, row.number());
				continue;
			}
			Organization stored = context.storedOrg(code);
			if (stored != null) {
				compare(cells, stored, name, kind, level, parentCode, dissolvedOn, context);
				if (cells.bad()) {
					context.refusedKey(this.kind, code, row.number());
				}
				else if (stored.dissolvedOn() == null && dissolvedOn != null) {
					// dissolved by this file (撤销): checked below, once every row is known
					this.dissolutions.add(new Dissolution(row, stored, dissolvedOn));
					context.plannedDissolutions.put(code, dissolvedOn);
				}
				else {
					context.unchanged++;
				}
				continue;
			}
			parsed.put(code, new Planned(row, code, name, kind, level, parentCode, dissolvedOn));
			if (dissolvedOn != null) {
				context.plannedDissolutions.put(code, dissolvedOn);
			}
		}
		// the stored organizations first: whether a new one may sit below depends on it
		checkDissolutions(context);
		for (Planned org : parentFirst(parsed, context)) {
			Cells cells = cells(org.row(), context);
			checkParent(cells, org, context);
			if (cells.bad()) {
				context.refusedKey(this.kind, org.code(), org.row().number());
				context.plannedDissolutions.remove(org.code());
				continue;
			}
			context.plannedOrgs.put(org.code(),
					new ImportContext.PlannedOrg(org.code(), org.level(), org.row().number()));
			this.plan.add(org);
		}
		parsed.values()
			.stream()
			.filter((org) -> !context.plannedOrgs.containsKey(org.code()))
			.forEach((org) -> context.plannedDissolutions.remove(org.code()));
	}

	/**
	 * A stored organization the file dissolves: as {@code OrganizationService.dissolve}
	 * refuses it, not while an organization below it still exists (unless the file
	 * dissolves that one too), and not before a post there starts.
	 */
	private void checkDissolutions(ImportContext context) {
		if (this.dissolutions.isEmpty()) {
			return;
		}
		List<String> ids = this.dissolutions.stream().map((d) -> d.stored().id()).toList();
		Map<String, List<Organization>> below = new HashMap<>();
		Map<String, List<Appointment>> posts = new HashMap<>();
		for (Organization o : context.inQueries.find(Organization.class, null, "path", ids, Organization::path)) {
			for (String id : o.ancestorIds()) {
				below.computeIfAbsent(id, (k) -> new ArrayList<>()).add(o);
			}
		}
		context.inQueries.find(Appointment.class, null, "organizationId", ids, Appointment::organizationId)
			.forEach((a) -> posts.computeIfAbsent(a.organizationId(), (k) -> new ArrayList<>()).add(a));
		List<Dissolution> accepted = new ArrayList<>();
		for (Dissolution dissolution : this.dissolutions) {
			for (Appointment post : posts.getOrDefault(dissolution.stored().id(), List.of())) {
				if (post.start().isAfter(dissolution.on())) {
					refuse(dissolution, Message.of("早于该组织任职的开始日期（" + post.start() + "）",
							"is before a post there starts (" + post.start() + ")"), context);
					break;
				}
			}
			if (context.plannedDissolutions.containsKey(dissolution.stored().code())) {
				accepted.add(dissolution);
			}
		}
		// a refused dissolution keeps the organizations above it from being dissolved:
		// repeat until none is refused
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Dissolution dissolution : List.copyOf(accepted)) {
				for (Organization descendant : below.getOrDefault(dissolution.stored().id(), List.of())) {
					if (descendant.dissolvedOn() == null
							&& !context.plannedDissolutions.containsKey(descendant.code())) {
						refuse(dissolution, Message.of("下级组织“" + descendant.code() + "”未撤销",
								"organization '" + descendant.code() + "' below it is not dissolved"), context);
						accepted.remove(dissolution);
						changed = true;
						break;
					}
				}
			}
		}
		this.dissolutions.retainAll(accepted);
	}

	private void refuse(Dissolution dissolution, Message reason, ImportContext context) {
		cells(dissolution.row(), context).reject(DISSOLVED_ON, reason);
		context.refusedKey(this.kind, dissolution.stored().code(), dissolution.row().number());
		context.plannedDissolutions.remove(dissolution.stored().code());
	}

	private void compare(Cells cells, Organization stored, String name, OrgKind kind, OrgLevel level, String parentCode,
			LocalDate dissolvedOn, ImportContext context) {
		if (!context.viewer.sees(stored.path())) {
			cells.reject(CODE, ImportContext.outsideScope());
			return;
		}
		String storedParent = null;
		if (stored.parentId() != null) {
			Organization parent = context.organizationsById(List.of(stored.parentId())).get(stored.parentId());
			storedParent = (parent != null) ? parent.code() : null;
		}
		if (!stored.name().equals(name)) {
			cells.reject(NAME, ImportContext.differs("组织名称", "name", stored.name(), name));
		}
		if (stored.kind() != kind) {
			cells.reject(KIND, ImportContext.differs("组织类型", "kind", KINDS.label(stored.kind()), KINDS.label(kind)));
		}
		if (stored.level() != level) {
			cells.reject(LEVEL,
					ImportContext.differs("组织层级", "level", LEVELS.label(stored.level()), LEVELS.label(level)));
		}
		if (!Objects.equals(storedParent, parentCode)) {
			cells.reject(PARENT, ImportContext.differs("上级组织代码", "parent", storedParent, parentCode));
		}
		if (stored.dissolvedOn() != null && !stored.dissolvedOn().equals(dissolvedOn)) {
			// imports never restore a dissolved organization nor change the day
			cells.reject(DISSOLVED_ON,
					ImportContext.differs("撤销日期", "dissolution date", stored.dissolvedOn(), dissolvedOn));
		}
	}

	/**
	 * The new organizations ordered so that a parent comes before its children; rows on a
	 * cycle of parents are refused.
	 */
	private List<Planned> parentFirst(Map<String, Planned> parsed, ImportContext context) {
		Map<String, Integer> depth = new HashMap<>();
		Set<String> onCycle = new HashSet<>();
		for (String code : parsed.keySet()) {
			List<String> chain = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			String current = code;
			while (current != null && parsed.containsKey(current) && !depth.containsKey(current) && seen.add(current)) {
				chain.add(current);
				current = parsed.get(current).parentCode();
			}
			boolean cycle = current != null && seen.contains(current);
			int base = (current != null && depth.containsKey(current)) ? depth.get(current) + 1 : 0;
			for (int i = chain.size() - 1; i >= 0; i--) {
				depth.put(chain.get(i), base++);
			}
			if (cycle) {
				int start = chain.indexOf(current);
				onCycle.addAll(chain.subList(start, chain.size()));
			}
		}
		List<Planned> ordered = new ArrayList<>(parsed.values());
		ordered.sort(Comparator.comparingInt((Planned p) -> depth.get(p.code())));
		List<Planned> result = new ArrayList<>();
		for (Planned org : ordered) {
			if (onCycle.contains(org.code())) {
				Cells cells = cells(org.row(), context);
				cells.reject(PARENT, Message.of("上级关系构成循环", "the parents form a cycle"));
				context.refusedKey(this.kind, org.code(), org.row().number());
			}
			else {
				result.add(org);
			}
		}
		return result;
	}

	private void checkParent(Cells cells, Planned org, ImportContext context) {
		if (org.parentCode() == null) {
			if (!context.viewer.scope().unrestricted()) {
				cells.reject(PARENT,
						Message.of("限定范围的账号不能创建顶级组织", "a scoped account cannot create a top-level organization"));
			}
			return;
		}
		OrgLevel parentLevel;
		Organization stored = context.storedOrg(org.parentCode());
		if (stored != null) {
			if (!context.viewer.sees(stored.path())) {
				cells.reject(PARENT, ImportContext.outsideScope());
				return;
			}
			parentLevel = stored.level();
		}
		else {
			ImportContext.PlannedOrg planned = context.plannedOrgs.get(org.parentCode());
			if (planned == null) {
				context.usableOrganization(cells, PARENT, org.parentCode());
				return;
			}
			parentLevel = planned.level;
		}
		LocalDate parentDissolved = context.dissolvedOn(org.parentCode());
		if (parentDissolved != null && org.dissolvedOn() == null) {
			// a dissolved organization has none below it that still exists
			cells.reject(PARENT,
					Message.of("上级组织已于" + parentDissolved + "撤销", "the parent was dissolved on " + parentDissolved));
			return;
		}
		if (!parentLevel.mayHoldChildAt(org.level())) {
			cells.reject(LEVEL,
					Message.of("“" + LEVELS.label(org.level()) + "”组织不能隶属于“" + LEVELS.label(parentLevel) + "”组织",
							"an organization at " + org.level() + " cannot sit below one at " + parentLevel));
		}
	}

	@Override
	int plannedCreates() {
		return this.plan.size();
	}

	@Override
	int plannedUpdates() {
		return this.dissolutions.size();
	}

	/**
	 * The dissolutions, once the other sheets wrote the posts and tasks recorded before
	 * them; the deepest first (an organization is dissolved only when none below it
	 * exists). An organization this import created has nothing stored but what the file
	 * holds, which was checked against the day, so its day is set in bulk; a stored one
	 * is dissolved by {@code OrganizationService.dissolve}, which ends the posts still
	 * running then.
	 */
	@Override
	void finish(ImportContext context) {
		Map<Integer, Map<LocalDate, List<String>>> created = new TreeMap<>(Comparator.reverseOrder());
		for (Planned org : this.plan) {
			ImportContext.PlannedOrg planned = context.plannedOrgs.get(org.code());
			if (org.dissolvedOn() != null && planned.id != null) {
				created.computeIfAbsent(planned.path.size(), (k) -> new HashMap<>())
					.computeIfAbsent(org.dissolvedOn(), (k) -> new ArrayList<>())
					.add(planned.id);
			}
		}
		Map<Integer, List<Dissolution>> stored = new TreeMap<>(Comparator.reverseOrder());
		this.dissolutions
			.forEach((d) -> stored.computeIfAbsent(d.stored().path().size(), (k) -> new ArrayList<>()).add(d));
		Set<Integer> depths = new TreeSet<>(Comparator.reverseOrder());
		depths.addAll(created.keySet());
		depths.addAll(stored.keySet());
		for (int depth : depths) {
			created.getOrDefault(depth, Map.of()).forEach((on, ids) -> {
				for (List<String> chunk : ImportContext.chunks(ids)) {
					context.mongo.updateMulti(Query.query(Criteria.where("_id").in(chunk)),
							new Update().set("dissolvedOn", on)
								.set("stamp.updatedAt", context.now)
								.set("stamp.updatedBy", Actor.current()),
							Organization.class);
				}
			});
			for (Dissolution dissolution : stored.getOrDefault(depth, List.of())) {
				try {
					this.services.organizations().dissolve(dissolution.stored().id(), dissolution.on());
					context.updated++;
				}
				catch (DomainException ex) {
					failed(dissolution.row(), context, ex);
				}
			}
		}
	}

	@Override
	void write(ImportContext context) {
		for (List<Planned> chunk : ImportContext.chunks(this.plan, ImportContext.INSERTS)) {
			List<org.bson.Document> documents = new ArrayList<>();
			List<Planned> written = new ArrayList<>();
			for (Planned org : chunk) {
				ImportContext.PlannedOrg planned = context.plannedOrgs.get(org.code());
				List<String> path = new ArrayList<>();
				String parentId = null;
				if (org.parentCode() != null) {
					parentId = context.organizationId(org.parentCode());
					List<String> parentPath = context.organizationPath(org.parentCode());
					if (parentId == null || parentPath == null) {
						cells(org.row(), context).reject(PARENT,
								Message.of("上级组织未能写入", "the parent could not be written"));
						continue;
					}
					path.addAll(parentPath);
				}
				String id = new org.bson.types.ObjectId().toHexString();
				path.add(id);
				planned.id = id;
				planned.path = List.copyOf(path);
				written.add(org);
				documents.add(new org.bson.Document("_id", id).append("code", org.code())
					.append("name", org.name())
					.append("kind", org.kind().name())
					.append("level", org.level().name())
					.append("parentId", parentId)
					.append("path", planned.path)
					.append("stamp", BulkWrites.stamp(context)));
			}
			// listed under their parents before they are stored, as the service does
			Map<String, List<String>> children = new LinkedHashMap<>();
			for (org.bson.Document document : documents) {
				if (document.getString("parentId") != null) {
					children.computeIfAbsent(document.getString("parentId"), (k) -> new ArrayList<>())
						.add(document.getString("_id"));
				}
			}
			this.services.lookups().addAll(LookupLists.CHILDREN, children);
			if (BulkWrites.insert(context.mongo, Organization.class, documents)) {
				context.created += written.size();
			}
			else {
				written.forEach((org) -> writeOne(org, context));
			}
		}
	}

	private static Organization findByCode(ImportContext context, String code) {
		return context.mongo.findOne(
				org.springframework.data.mongodb.core.query.Query
					.query(org.springframework.data.mongodb.core.query.Criteria.where("code").is(code)),
				Organization.class);
	}

	/** After a bulk insert met a code taken meanwhile: row by row through the service. */
	private void writeOne(Planned org, ImportContext context) {
		ImportContext.PlannedOrg planned = context.plannedOrgs.get(org.code());
		Organization stored = findByCode(context, org.code());
		if (stored != null && stored.id().equals(planned.id)) {
			context.created++;
			return;
		}
		planned.id = null;
		planned.path = null;
		String parentId = null;
		if (org.parentCode() != null) {
			parentId = context.organizationId(org.parentCode());
			if (parentId == null) {
				cells(org.row(), context).reject(PARENT, Message.of("上级组织未能写入", "the parent could not be written"));
				return;
			}
		}
		try {
			Organization created = this.services.organizations()
				.create(new OrganizationService.CreateOrganization(org.code(), org.name(), org.kind(), org.level(),
						parentId));
			planned.id = created.id();
			planned.path = created.path();
			context.created++;
		}
		catch (DomainException ex) {
			failed(org.row(), context, ex);
		}
	}

}
