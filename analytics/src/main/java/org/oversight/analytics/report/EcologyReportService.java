package org.oversight.analytics.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import org.oversight.analytics.facts.AnalyticsReads;
import org.oversight.analytics.facts.YearPeriod;
import org.oversight.analytics.indicator.Figures;
import org.oversight.analytics.indicator.IndicatorModel;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.common.Today;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;

/**
 * Computes (or recomputes) the political-ecology reports of a year, in one pass over the
 * year's records of a slice of the tree: a fixed number of reads whatever the number of
 * organizations ({@link FactsReader}), everything rolled up and scored in memory, then
 * the reports whose content changed written in one bulk write. The same records give the
 * same reports: every order is fixed and nothing depends on the order of reads.
 * <p>
 * The job can be split ({@link #split}): the subtrees of the roots' children dealt into
 * partitions, each computed apart ({@link #generatePartition}, in any process, at the
 * same time), then each root from its children's stored roll-ups ({@link #generateTop}).
 * Ranks among peers that lie in different partitions are put right by every run that
 * writes one of them: after its writes it ranks the whole peer group again from the
 * stored reports, and the last step does so for the roots' children; so the reports end
 * identical to those of one whole run.
 */
@Service
public class EcologyReportService {

	private static final Logger logger = LoggerFactory.getLogger(EcologyReportService.class);

	private final FactsReader reader;

	private final IndicatorModel model;

	private final OrganizationService organizations;

	private final StoredReports stored;

	private final MongoTemplate mongo;

	private final Today today;

	EcologyReportService(FactsReader reader, IndicatorModel model, OrganizationService organizations,
			StoredReports stored, MongoTemplate mongo, Today today) {
		this.reader = reader;
		this.model = model;
		this.organizations = organizations;
		this.stored = stored;
		this.mongo = mongo;
		this.today = today;
	}

	/**
	 * What one generation did.
	 *
	 * @param year the year computed
	 * @param under the subtree's root; null for all (or a partition of several roots)
	 * @param reports reports computed
	 * @param removed reports of the subtree's year deleted because their organization no
	 * longer qualifies (dissolved before the year)
	 * @param written reports written because their content changed (or was absent), peers
	 * re-ranked included
	 * @param millis how long it took
	 */
	public record Summary(int year, String under, int reports, int removed, int written, long millis) {
	}

	/**
	 * How the job over everything splits: the children of every root, dealt into
	 * partitions, then the roots.
	 *
	 * @param partitions the subtrees' roots of each partition, none empty
	 * @param tops the roots, each computed last from its children
	 */
	public record Split(List<List<String>> partitions, List<String> tops) {
	}

	/**
	 * Computes the reports of {@code year} for {@code underOrganizationId} and everything
	 * below it (null: every organization).
	 * @throws DomainException.Invalid for a future year
	 * @throws DomainException.NotFound for an unknown organization (field {@code under})
	 */
	public Summary generate(int year, String underOrganizationId) {
		if (underOrganizationId == null) {
			long started = System.nanoTime();
			YearPeriod period = YearPeriod.of(year, this.today.date());
			FactsReader.YearData data = this.reader.whole(period, this.model);
			return compute(period, data, true, List.of(), new Criteria(), null, started);
		}
		return generate(year, List.of(underOrganizationId), "under");
	}

	/**
	 * Computes the reports of {@code year} for the subtrees of the roots (a partition of
	 * the split job): every organization in them, ranked among its peers (those outside
	 * read from the stored reports), and stores what each root passes up to its parent.
	 * @throws DomainException.Invalid for a future year, no root, or roots of which one
	 * lies below another (field {@code roots})
	 * @throws DomainException.NotFound for an unknown organization (field {@code roots})
	 */
	public Summary generatePartition(int year, List<String> roots) {
		return generate(year, roots, "roots");
	}

	private Summary generate(int year, List<String> roots, String field) {
		long started = System.nanoTime();
		YearPeriod period = YearPeriod.of(year, this.today.date());
		if (roots == null || roots.isEmpty()) {
			throw DomainException.invalid(field, "at least one organization");
		}
		List<String> distinct = List.copyOf(new LinkedHashSet<>(roots));
		for (String id : distinct) {
			Organization root = this.organizations.get(field, id);
			for (String other : distinct) {
				if (!other.equals(id) && root.path().contains(other)) {
					throw DomainException.invalid(field, id + " lies below " + other + ": subtrees must not overlap");
				}
			}
		}
		FactsReader.YearData data = this.reader.subtrees(period, this.model, distinct);
		return compute(period, data, false, distinct, AnalyticsReads.inAny(OrgPathCollection.FIELD, distinct),
				(distinct.size() == 1) ? distinct.get(0) : null, started);
	}

	/**
	 * Computes the report of {@code year} of one organization whose children's subtrees
	 * were computed apart (the last step of the split job): its own records, and its
	 * children's stored roll-ups of the year. Ranks its children among themselves again.
	 * @throws DomainException.Invalid for a future year, or a child without a roll-up of
	 * the year (field {@code under}, naming the child)
	 * @throws DomainException.NotFound for an unknown organization (field {@code under})
	 */
	public Summary generateTop(int year, String organizationId) {
		long started = System.nanoTime();
		YearPeriod period = YearPeriod.of(year, this.today.date());
		Organization organization = this.organizations.get("under", organizationId);
		Query query = Query.query(Criteria.where("parentId").is(organization.id()));
		query.fields().include("code");
		List<Document> children = this.mongo.find(query, Document.class, "organizations");
		List<String> childIds = children.stream().map(AnalyticsReads::id).toList();
		Map<String, RollUp> rollUps = this.stored.rollUps(childIds, year);
		for (Document child : children) {
			RollUp rollUp = rollUps.get(AnalyticsReads.id(child));
			if (rollUp == null || !organization.id().equals(rollUp.parentId())) {
				throw DomainException.invalid("under", "the subtree of " + child.getString("code") + " ("
						+ AnalyticsReads.id(child) + ") has no roll-up of " + year
						+ ((rollUp != null) ? " computed under this parent" : "") + ": compute its partition first");
			}
		}
		FactsReader.YearData data = this.reader.top(period, this.model, OrgNode.of(organization), rollUps.values());
		Summary summary = compute(period, data, false, List.of(),
				Criteria.where("organizationId").is(organization.id()), organization.id(), started);
		int reranked = rerank(year, organization.id());
		return new Summary(summary.year(), summary.under(), summary.reports(), summary.removed(),
				summary.written() + reranked, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * How to split the job over everything into {@code partitions}: the children of every
	 * root, largest subtree first, each to the partition with the fewest organizations so
	 * far (ties to the first); the same tree always gives the same split.
	 */
	public Split split(int partitions) {
		if (partitions < 1) {
			throw DomainException.invalid("partitions", "at least 1");
		}
		Query query = new Query();
		query.fields().include("code", "parentId", "path");
		List<Document> all = this.mongo.find(query, Document.class, "organizations");
		List<String> tops = new ArrayList<>();
		Map<String, String> codes = new HashMap<>();
		Map<String, Long> sizes = new LinkedHashMap<>();
		for (Document row : all) {
			codes.put(AnalyticsReads.id(row), row.getString("code"));
			List<String> path = AnalyticsReads.strings(row, "path");
			if (path.size() == 1) {
				tops.add(path.get(0));
			}
			else {
				sizes.merge(path.get(1), 1L, Long::sum);
			}
		}
		tops.sort(Comparator.comparing(codes::get));
		List<String> bySize = new ArrayList<>(sizes.keySet());
		bySize.sort(Comparator.comparing((String id) -> sizes.get(id)).reversed().thenComparing(codes::get));
		List<List<String>> parts = new ArrayList<>();
		long[] weight = new long[partitions];
		for (int i = 0; i < partitions; i++) {
			parts.add(new ArrayList<>());
		}
		for (String child : bySize) {
			int lightest = 0;
			for (int i = 1; i < partitions; i++) {
				if (weight[i] < weight[lightest]) {
					lightest = i;
				}
			}
			parts.get(lightest).add(child);
			weight[lightest] += sizes.get(child);
		}
		parts.removeIf(List::isEmpty);
		return new Split(parts.stream().map(List::copyOf).toList(), List.copyOf(tops));
	}

	/**
	 * Scores the slice's targets, ranks them, writes what changed, then ranks again the
	 * peer groups that reach outside the slice.
	 * @param whole whether the slice is every organization
	 * @param rollUpRoots the roots whose roll-ups are stored
	 * @param inSlice the slice's stored reports (to remove those no longer due)
	 */
	private Summary compute(YearPeriod period, FactsReader.YearData data, boolean whole, List<String> rollUpRoots,
			Criteria inSlice, String under, long started) {
		int year = period.year();
		long read = System.nanoTime();
		YearFigures.Totals totals = data.totals();
		List<OrgNode> targets = data.figures().targets();
		List<String> ids = targets.stream().map(OrgNode::id).toList();
		Map<String, Double> previous = this.stored.scores(ids, year - 1);
		Instant now = this.today.now();
		// scoring and writing are pure and per organization: on every core
		Map<String, Figures> figures = new HashMap<>();
		targets.forEach((organization) -> figures.put(organization.id(), totals.of(organization.id())));
		Map<String, EcologyReport> drafts = new LinkedHashMap<>();
		targets.parallelStream()
			.map((organization) -> Drafts
				.draft(this.model, organization, year, period.referenceDay(), figures.get(organization.id()),
						data.figures().principalOf(organization.id()), now)
				.withPreviousScore(previous.get(organization.id())))
			.toList()
			.forEach((draft) -> drafts.put(draft.id(), draft));
		// peer groups reaching outside the slice: the stored peers' scores rank with ours
		List<Ranking.Entry> entries = new ArrayList<>();
		drafts.values().forEach((draft) -> entries.add(Ranking.Entry.of(draft)));
		Set<String> outsideParents = new LinkedHashSet<>();
		Set<String> groupsRead = new HashSet<>();
		for (OrgNode organization : targets) {
			boolean inside = whole || data.figures().contains(organization.parentId());
			String group = Ranking.group(year, organization.level(), organization.parentId());
			if (inside || !groupsRead.add(group)) {
				continue;
			}
			outsideParents.add(Objects.toString(organization.parentId(), ""));
			this.stored.peerScores(year, organization.level(), organization.parentId()).forEach((peer, score) -> {
				if (!data.figures().contains(peer)) {
					entries.add(new Ranking.Entry(EcologyReport.key(peer, year), group, score));
				}
			});
		}
		Map<String, Ranking.Ranked> ranks = Ranking.rankEntries(entries);
		List<EcologyReport> reports = drafts.values().parallelStream().map((draft) -> {
			Ranking.Ranked rank = ranks.get(draft.id());
			EcologyReport ranked = draft.withRank(rank.rank(), rank.count());
			return ranked.withNarrative(Narrative.write(ranked));
		}).toList();
		long computed = System.nanoTime();
		int removed = removeStale(year, inSlice, drafts.keySet());
		int written = this.stored.write(reports);
		written += followingYear(year, ids, reports);
		if (!rollUpRoots.isEmpty()) {
			this.stored.saveRollUps(rollUpRoots.stream().map(totals::rollUp).toList());
		}
		for (String parent : outsideParents) {
			written += rerank(year, parent.isEmpty() ? null : parent);
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		logger.info(
				"Political-ecology reports of {} {}: {} computed, {} written, {} removed, in {} ms (read {} ms, computed {} ms, written {} ms)",
				year, (under != null) ? "under " + under : "for " + rollUpRoots.size() + " subtrees or all",
				reports.size(), written, removed, millis, (read - started) / 1_000_000, (computed - read) / 1_000_000,
				(System.nanoTime() - computed) / 1_000_000);
		return new Summary(year, under, reports.size(), removed, written, millis);
	}

	/**
	 * Ranks every report of the year under the parent again (each level its own peer
	 * group) from the stored reports, rewriting those whose rank or peer count changed,
	 * each only if it is still the report read. Returns how many were rewritten.
	 */
	private int rerank(int year, String parentId) {
		List<EcologyReport> group = this.stored.children(year, parentId);
		Map<String, Ranking.Ranked> ranks = Ranking.rank(group);
		int written = 0;
		for (EcologyReport report : group) {
			Ranking.Ranked rank = ranks.get(report.id());
			if (Objects.equals(report.rankAmongPeers(), rank.rank())
					&& Objects.equals(report.peerCount(), rank.count())) {
				continue;
			}
			EcologyReport ranked = report.withRank(rank.rank(), rank.count());
			if (this.stored.replaceIfUnchanged(ranked.withNarrative(Narrative.write(ranked)), report)) {
				written++;
			}
		}
		return written;
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

	private int removeStale(int year, Criteria inSlice, Set<String> current) {
		List<String> stale = this.stored.ids(year, inSlice).stream().filter((id) -> !current.contains(id)).toList();
		this.stored.remove(stale);
		return stale.size();
	}

	/** Next year's reports of the slice take the new scores as their previous ones. */
	private int followingYear(int year, List<String> organizationIds, List<EcologyReport> reports) {
		List<EcologyReport> next = this.stored.reports(organizationIds, year + 1);
		if (next.isEmpty()) {
			return 0;
		}
		Map<String, Double> scores = new HashMap<>();
		reports.forEach((report) -> scores.put(report.organizationId(), report.score()));
		List<EcologyReport> changed = new ArrayList<>();
		for (EcologyReport report : next) {
			EcologyReport updated = report.withPreviousScore(scores.get(report.organizationId()));
			changed.add(updated.withNarrative(Narrative.write(updated)));
		}
		return this.stored.write(changed);
	}

	/** Writes whole reports by id: those whose content changed. */
	void replace(List<EcologyReport> reports) {
		this.stored.write(reports);
	}

}
