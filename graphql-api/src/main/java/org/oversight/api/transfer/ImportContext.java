package org.oversight.api.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.oversight.api.viewer.Viewer;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.common.DomainException;
import org.oversight.core.finding.Finding;
import org.oversight.core.mongo.InQueries;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;

/**
 * The state of one import: who runs it, the reasons found so far, the counts, and what
 * the rows refer to by business key: records already stored (loaded in batches) and
 * records the file itself creates (planned by earlier rows or sheets, given their id once
 * written).
 */
final class ImportContext {

	/**
	 * Keys per {@code $in} look-up: the embedded server compares each document found with
	 * every key of the list, so n keys cost n times this; a real MongoDB hardly minds.
	 */
	static final int BATCH = 200;

	/** Documents per bulk insert command. */
	static final int INSERTS = 1000;

	final Viewer viewer;

	final ImportMode mode;

	final LocalDate today;

	final java.time.Instant now;

	final MongoTemplate mongo;

	final ImportKeys keys;

	/** Lookups of many keys at once, the cheapest way for the database in use. */
	final InQueries inQueries;

	final List<ImportError> errors = new ArrayList<>();

	private final Set<String> refusedRows = new HashSet<>();

	int created;

	int updated;

	int unchanged;

	private final Map<String, Organization> storedOrgs = new HashMap<>();

	private final Set<String> loadedOrgCodes = new HashSet<>();

	private final Map<String, Organization> storedOrgsById = new HashMap<>();

	final Map<String, PlannedOrg> plannedOrgs = new HashMap<>();

	/**
	 * Organizations (new or stored) the file dissolves, by code: dissolved once every
	 * sheet is written, so posts and tasks recorded before the dissolution can be
	 * imported first, as they happened.
	 */
	final Map<String, LocalDate> plannedDissolutions = new HashMap<>();

	private final Map<String, Cadre> storedCadres = new HashMap<>();

	private final Set<String> loadedCadreCodes = new HashSet<>();

	final Map<String, PlannedCadre> plannedCadres = new HashMap<>();

	final Map<String, PlannedFinding> plannedFindings = new HashMap<>();

	/** Refused business keys by kind → key → row, for clearer reasons in later rows. */
	private final Map<String, Integer> refusedKeys = new HashMap<>();

	ImportContext(Viewer viewer, ImportMode mode, LocalDate today, java.time.Instant now, MongoTemplate mongo,
			ImportKeys keys, InQueries inQueries) {
		this.inQueries = inQueries;
		this.viewer = viewer;
		this.mode = mode;
		this.today = today;
		this.now = now;
		this.mongo = mongo;
		this.keys = keys;
	}

	/** A row refused, counted once however many reasons it has. */
	void refused(Row row) {
		this.refusedRows.add(row.sheet() + "\u0000" + row.number());
	}

	int refusedRowCount() {
		return this.refusedRows.size();
	}

	void refusedKey(TransferKind kind, String key, int row) {
		if (key != null) {
			this.refusedKeys.putIfAbsent(kind.value() + ":" + key, row);
		}
	}

	/** The row of the file that held this key and was refused, or null. */
	Integer refusedRowOf(TransferKind kind, String key) {
		return this.refusedKeys.get(kind.value() + ":" + key);
	}

	// organizations

	/** An organization the file creates; {@code id} is set once it is written. */
	static final class PlannedOrg {

		final String code;

		final OrgLevel level;

		final int row;

		String id;

		/** The materialised path once the id is chosen (root … self). */
		List<String> path;

		PlannedOrg(String code, OrgLevel level, int row) {
			this.code = code;
			this.level = level;
			this.row = row;
		}

	}

	void loadOrganizations(Collection<String> codes) {
		List<String> wanted = codes.stream()
			.filter((c) -> c != null && !this.loadedOrgCodes.contains(c))
			.distinct()
			.toList();
		for (List<String> chunk : chunks(wanted)) {
			for (Organization o : this.mongo.find(Query.query(Criteria.where("code").in(chunk)), Organization.class)) {
				this.storedOrgs.put(o.code(), o);
				this.storedOrgsById.put(o.id(), o);
			}
			this.loadedOrgCodes.addAll(chunk);
		}
	}

	Organization storedOrg(String code) {
		return this.storedOrgs.get(code);
	}

	/** The path of a stored or written organization (root … self), or null. */
	List<String> organizationPath(String code) {
		Organization stored = storedOrg(code);
		if (stored != null) {
			return stored.path();
		}
		PlannedOrg planned = this.plannedOrgs.get(code);
		return (planned != null && planned.id != null) ? planned.path : null;
	}

	/** Stored organizations by id (loading those not yet known). */
	Map<String, Organization> organizationsById(Collection<String> ids) {
		List<String> wanted = ids.stream()
			.filter((id) -> id != null && !this.storedOrgsById.containsKey(id))
			.distinct()
			.toList();
		for (List<String> chunk : chunks(wanted)) {
			for (Organization o : this.mongo.find(Query.query(Criteria.where("_id").in(chunk)), Organization.class)) {
				this.storedOrgsById.put(o.id(), o);
				this.storedOrgs.put(o.code(), o);
				this.loadedOrgCodes.add(o.code());
			}
		}
		Map<String, Organization> result = new HashMap<>();
		ids.forEach((id) -> {
			Organization o = this.storedOrgsById.get(id);
			if (o != null) {
				result.put(id, o);
			}
		});
		return result;
	}

	/**
	 * Checks that an organization a row refers to can be used: stored and inside the
	 * scope, or created by the file. Returns false (with the reason recorded) when not.
	 */
	boolean usableOrganization(Cells cells, int column, String code) {
		if (code == null) {
			return false;
		}
		Organization stored = storedOrg(code);
		if (stored != null) {
			if (!this.viewer.sees(stored.path())) {
				cells.reject(column, outsideScope());
				return false;
			}
			return true;
		}
		if (this.plannedOrgs.containsKey(code)) {
			return true;
		}
		Integer refused = refusedRowOf(TransferKind.ORGANIZATIONS, code);
		cells.reject(column,
				(refused != null) ? refusedReference("组织", "organization", refused)
						: Message.of("组织代码“" + code + "”不存在（数据库和本文件中都没有）",
								"no organization has code '" + code + "' (neither stored nor in this file)"));
		return false;
	}

	/**
	 * The day the organization was dissolved: as the file dissolves it, else as stored;
	 * null while it exists.
	 */
	LocalDate dissolvedOn(String code) {
		LocalDate planned = this.plannedDissolutions.get(code);
		if (planned != null) {
			return planned;
		}
		Organization stored = storedOrg(code);
		return (stored != null) ? stored.dissolvedOn() : null;
	}

	/** The id of a stored or written organization; null when the file's row failed. */
	String organizationId(String code) {
		Organization stored = storedOrg(code);
		if (stored != null) {
			return stored.id();
		}
		PlannedOrg planned = this.plannedOrgs.get(code);
		return (planned != null) ? planned.id : null;
	}

	// cadres

	/** A cadre the file registers; {@code id} is set once written. */
	static final class PlannedCadre {

		final String code;

		final int row;

		String id;

		PlannedCadre(String code, int row) {
			this.code = code;
			this.row = row;
		}

	}

	void loadCadres(Collection<String> codes) {
		List<String> wanted = codes.stream()
			.filter((c) -> c != null && !this.loadedCadreCodes.contains(c))
			.distinct()
			.toList();
		for (List<String> chunk : chunks(wanted)) {
			for (Cadre c : this.mongo.find(Query.query(Criteria.where("code").in(chunk)), Cadre.class)) {
				this.storedCadres.put(c.code(), c);
			}
			this.loadedCadreCodes.addAll(chunk);
		}
	}

	Cadre storedCadre(String code) {
		return this.storedCadres.get(code);
	}

	/**
	 * A cadre is inside the scope when they hold or held a post inside it; a cadre who
	 * never held a post belongs to no organization and is outside no scope.
	 */
	boolean cadreInScope(Cadre cadre) {
		return this.viewer.scope().unrestricted() || cadre.orgScope().isEmpty()
				|| cadre.orgScope().contains(this.viewer.scopeOrganizationId());
	}

	/** Checks a cadre reference: stored or registered by the file. */
	boolean usableCadre(Cells cells, int column, String code) {
		if (code == null) {
			return false;
		}
		if (this.storedCadres.containsKey(code) || this.plannedCadres.containsKey(code)) {
			return true;
		}
		Integer refused = refusedRowOf(TransferKind.CADRES, code);
		cells.reject(column,
				(refused != null) ? refusedReference("干部", "cadre", refused)
						: Message.of("干部编号“" + code + "”不存在（数据库和本文件中都没有）",
								"no cadre has code '" + code + "' (neither stored nor in this file)"));
		return false;
	}

	String cadreId(String code) {
		if (code == null) {
			return null;
		}
		Cadre stored = this.storedCadres.get(code);
		if (stored != null) {
			return stored.id();
		}
		PlannedCadre planned = this.plannedCadres.get(code);
		return (planned != null) ? planned.id : null;
	}

	// findings

	/** A finding the file registers; {@code id} is set once written. */
	static final class PlannedFinding {

		final String key;

		final LocalDate reportedOn;

		final int row;

		String id;

		PlannedFinding(String key, LocalDate reportedOn, int row) {
			this.key = key;
			this.reportedOn = reportedOn;
			this.row = row;
		}

	}

	private final Map<String, Finding> storedFindings = new HashMap<>();

	private final Set<String> loadedFindingKeys = new HashSet<>();

	void loadFindings(Collection<String> findingKeys) {
		List<String> wanted = findingKeys.stream()
			.filter((k) -> k != null && !this.loadedFindingKeys.contains(k))
			.distinct()
			.toList();
		for (List<String> chunk : chunks(wanted)) {
			Map<String, String> ids = this.keys.findings(chunk);
			Set<String> idSet = new LinkedHashSet<>(ids.values());
			for (String key : chunk) {
				if (!ids.containsKey(key) && org.bson.types.ObjectId.isValid(key)) {
					idSet.add(key);
				}
			}
			Map<String, Finding> byId = new HashMap<>();
			for (List<String> idChunk : chunks(List.copyOf(idSet))) {
				this.mongo.find(Query.query(Criteria.where("_id").in(idChunk)), Finding.class)
					.forEach((f) -> byId.put(f.id(), f));
			}
			for (String key : chunk) {
				String id = ids.get(key);
				Finding finding = (id != null) ? byId.get(id) : byId.get(key);
				if (finding != null) {
					this.storedFindings.put(key, finding);
				}
			}
			this.loadedFindingKeys.addAll(chunk);
		}
	}

	Finding storedFinding(String key) {
		return this.storedFindings.get(key);
	}

	/** Whether a finding is inside the scope and not about the viewer's own cadre. */
	boolean findingInScope(Finding finding) {
		return this.viewer.sees(finding.orgPath()) && !this.viewer.scope().recused(finding.subjectId());
	}

	// reasons

	static Message outsideScope() {
		return Message.of("超出您的组织范围", "outside your organization scope");
	}

	static Message refusedReference(String whatZh, String whatEn, int row) {
		return Message.of("引用的" + whatZh + "（第" + row + "行）未通过校验",
				"refers to the " + whatEn + " on row " + row + ", which is refused");
	}

	static Message duplicate(int row) {
		return Message.of("与第" + row + "行重复", "duplicates row " + row);
	}

	/** A stored record with the same key but other values. */
	static Message differs(String headerZh, String headerEn, Object stored, Object given) {
		return Message.of("已存在且“" + headerZh + "”不同（已存：" + show(stored) + "，文件：" + show(given) + "）",
				"already exists with another " + headerEn + " (stored: " + show(stored) + ", file: " + show(given)
						+ ")");
	}

	private static String show(Object value) {
		return (value == null) ? "空/empty" : String.valueOf(value);
	}

	/**
	 * A write refused by the domain (a concurrent change, or a rule no check foresaw).
	 */
	static Message refusedByDomain(DomainException ex) {
		return Message.of("写入被拒绝：" + ex.getMessage(), "refused when written: " + ex.getMessage());
	}

	/** The values in chunks of {@link #BATCH}, for look-ups. */
	static <T> List<List<T>> chunks(List<T> values) {
		return chunks(values, BATCH);
	}

	static <T> List<List<T>> chunks(List<T> values, int size) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < values.size(); i += size) {
			chunks.add(values.subList(i, Math.min(values.size(), i + size)));
		}
		return chunks;
	}

}
