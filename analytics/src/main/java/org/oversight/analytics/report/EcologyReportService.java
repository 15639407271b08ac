package org.oversight.analytics.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import org.oversight.analytics.facts.YearPeriod;
import org.oversight.analytics.indicator.Figures;
import org.oversight.analytics.indicator.IndicatorModel;
import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.common.Today;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;

/**
 * Computes (or recomputes) the political-ecology reports of a year for a subtree, in one
 * pass over the year's records: a fixed number of reads whatever the number of
 * organizations ({@link FactsReader}), everything rolled up and scored in memory, then
 * written in bulk, replacing the year's reports of the subtree. Ranks are recomputed for
 * every peer group touched (also peers outside the subtree), and next year's reports, if
 * any, get the new score as their previous one. The same records give the same figures:
 * every order is fixed and nothing depends on the order of reads.
 */
@Service
public class EcologyReportService {

	private static final Logger logger = LoggerFactory.getLogger(EcologyReportService.class);

	private static final int BATCH = 500;

	private final FactsReader reader;

	private final IndicatorModel model;

	private final OrganizationService organizations;

	private final MongoTemplate mongo;

	private final Today today;

	EcologyReportService(FactsReader reader, IndicatorModel model, OrganizationService organizations,
			MongoTemplate mongo, Today today) {
		this.reader = reader;
		this.model = model;
		this.organizations = organizations;
		this.mongo = mongo;
		this.today = today;
	}

	/**
	 * What one generation did.
	 *
	 * @param year the year computed
	 * @param under the subtree's root; null for all
	 * @param reports reports written for the subtree
	 * @param removed reports of the subtree's year deleted because their organization no
	 * longer qualifies (dissolved before the year)
	 * @param millis how long it took
	 */
	public record Summary(int year, String under, int reports, int removed, long millis) {
	}

	/**
	 * Computes the reports of {@code year} for {@code underOrganizationId} and everything
	 * below it (null: every organization).
	 * @throws org.oversight.core.common.DomainException.Invalid for a future year
	 * @throws org.oversight.core.common.DomainException.NotFound for an unknown
	 * organization (field {@code under})
	 */
	public Summary generate(int year, String underOrganizationId) {
		long started = System.nanoTime();
		YearPeriod period = YearPeriod.of(year, this.today.date());
		Organization root = (underOrganizationId != null) ? this.organizations.get("under", underOrganizationId) : null;
		FactsReader.YearData data = this.reader.read(period, root, this.model);
		Map<String, Figures> figures = data.rollUp();
		Criteria inSubtree = (root != null) ? Criteria.where(OrgPathCollection.FIELD).is(root.id()) : new Criteria();
		Map<String, Double> previous = scores(year - 1, inSubtree);
		var now = this.today.now();
		Map<String, EcologyReport> reports = new LinkedHashMap<>();
		for (OrgNode organization : data.figures().targets()) {
			EcologyReport draft = Drafts.draft(this.model, organization, year, period.referenceDay(),
					figures.get(organization.id()), data.figures().principalOf(organization.id()), now);
			reports.put(draft.id(), draft.withPreviousScore(previous.get(organization.id())));
		}
		int removed = removeStale(year, inSubtree, reports.keySet());
		List<EcologyReport> outsidePeers = (root != null) ? outsidePeers(year, root) : List.of();
		List<EcologyReport> all = new ArrayList<>(reports.values());
		all.addAll(outsidePeers);
		replace(ranked(all));
		followingYear(year, inSubtree, reports);
		long millis = (System.nanoTime() - started) / 1_000_000;
		logger.info("Political-ecology reports of {} {}: {} written, {} removed, in {} ms", year,
				(root != null) ? "under " + root.code() : "for every organization", reports.size(), removed, millis);
		return new Summary(year, underOrganizationId, reports.size(), removed, millis);
	}

	/** Ranks every report given within its peer group and rewrites its narrative. */
	static List<EcologyReport> ranked(Collection<EcologyReport> reports) {
		Map<String, Ranking.Ranked> ranks = Ranking.rank(reports);
		List<EcologyReport> result = new ArrayList<>();
		for (EcologyReport report : reports) {
			Ranking.Ranked rank = ranks.get(report.id());
			EcologyReport ranked = report.withRank(rank.rank(), rank.count());
			result.add(ranked.withNarrative(Narrative.write(ranked)));
		}
		return result;
	}

	private Map<String, Double> scores(int year, Criteria inSubtree) {
		Query query = Query.query(new Criteria().andOperator(Criteria.where("year").is(year), inSubtree));
		query.fields().include("organizationId", "score");
		Map<String, Double> scores = new HashMap<>();
		for (Document row : this.mongo.find(query, Document.class, "ecology_reports")) {
			scores.put(row.getString("organizationId"), ((Number) row.get("score")).doubleValue());
		}
		return scores;
	}

	private int removeStale(int year, Criteria inSubtree, Set<String> current) {
		Query query = Query.query(new Criteria().andOperator(Criteria.where("year").is(year), inSubtree));
		query.fields().include("_id");
		List<String> stale = new ArrayList<>();
		for (Document row : this.mongo.find(query, Document.class, "ecology_reports")) {
			String id = row.getString("_id");
			if (!current.contains(id)) {
				stale.add(id);
			}
		}
		if (!stale.isEmpty()) {
			this.mongo.remove(Query.query(Criteria.where("_id").in(stale)), EcologyReport.class);
		}
		return stale.size();
	}

	/**
	 * The root's peers outside the subtree: same level and parent, other organizations.
	 */
	private List<EcologyReport> outsidePeers(int year, Organization root) {
		Criteria criteria = Criteria.where("year")
			.is(year)
			.and("level")
			.is(root.level())
			.and("parentId")
			.is(root.parentId())
			.and("organizationId")
			.ne(root.id());
		return this.mongo.find(Query.query(criteria), EcologyReport.class);
	}

	/** Next year's reports of the subtree take the new scores as their previous ones. */
	private void followingYear(int year, Criteria inSubtree, Map<String, EcologyReport> reports) {
		Query query = Query.query(new Criteria().andOperator(Criteria.where("year").is(year + 1), inSubtree));
		List<EcologyReport> next = this.mongo.find(query, EcologyReport.class);
		if (next.isEmpty()) {
			return;
		}
		Map<String, Double> scores = new HashMap<>();
		reports.values().forEach((report) -> scores.put(report.organizationId(), report.score()));
		List<EcologyReport> changed = new ArrayList<>();
		for (EcologyReport report : next) {
			EcologyReport updated = report.withPreviousScore(scores.get(report.organizationId()));
			changed.add(updated.withNarrative(Narrative.write(updated)));
		}
		replace(changed);
	}

	/** Writes whole reports by id, inserting the new ones, in batches. */
	void replace(List<EcologyReport> reports) {
		Set<String> seen = new HashSet<>();
		for (int from = 0; from < reports.size(); from += BATCH) {
			BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, EcologyReport.class);
			for (EcologyReport report : reports.subList(from, Math.min(reports.size(), from + BATCH))) {
				if (seen.add(report.id())) {
					bulk.replaceOne(Query.query(Criteria.where("_id").is(report.id())), report,
							FindAndReplaceOptions.options().upsert());
				}
			}
			bulk.execute();
		}
	}

}
