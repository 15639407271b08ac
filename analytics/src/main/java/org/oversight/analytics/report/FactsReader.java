package org.oversight.analytics.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.bson.Document;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.analytics.facts.AnalyticsReads;
import org.oversight.analytics.facts.Post;
import org.oversight.analytics.facts.TalkCoverage;
import org.oversight.analytics.facts.TalkRow;
import org.oversight.analytics.facts.YearPeriod;
import org.oversight.analytics.facts.TaskRow;
import org.oversight.analytics.indicator.Figures;
import org.oversight.analytics.indicator.IndicatorModel;
import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.finding.DispositionForm;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.FindingStatus;
import org.oversight.core.finding.Severity;
import org.oversight.core.rectification.RectificationStatus;

import static org.oversight.analytics.facts.AnalyticsReads.day;

/**
 * Reads one year of records for a slice of the tree in a fixed number of queries,
 * whatever its size: the organizations, a grouped aggregation of findings, the relevant
 * rectification tasks (projected), the posts and talks needed, the meetings and an
 * aggregation of interference records. Everything is then added up by organization and
 * rolled up the tree in memory ({@link YearFigures}).
 * <p>
 * A slice is the whole tree, the subtrees of some roots, or one organization whose
 * children's subtrees were computed apart ({@link RollUp}). A slice other than the whole
 * reads only its own records: its organizations' findings, tasks, meetings and
 * interference records, the posts held in it and in its roots' ancestors, the talks of
 * its counted principals, and, for the few whose talks did not count with those posts,
 * their posts elsewhere and the principals above those. So N slices read about what one
 * whole read does, and give the same figures.
 */
@Component
class FactsReader implements DisposableBean {

	/**
	 * Up to this many subjects, their talks are read by subject; beyond, the year's talks
	 * of the two kinds are read and filtered here (one range read instead of a long
	 * {@code $in}, which the embedded server compares with every document).
	 */
	static final int TALKS_BY_SUBJECT = 500;

	/** Threads reading a year's records at once (shared by the runs of this process). */
	static final int READS_AT_ONCE = 4;

	private static final List<String> ORGANIZATION_FIELDS = List.of("code", "name", "kind", "level", "parentId", "path",
			"dissolvedOn");

	private final MongoTemplate mongo;

	private final AnalyticsReads reads;

	private final ExecutorService reading;

	FactsReader(MongoTemplate mongo, AnalyticsReads reads) {
		this.mongo = mongo;
		this.reads = reads;
		AtomicInteger threads = new AtomicInteger();
		this.reading = Executors.newFixedThreadPool(READS_AT_ONCE, (task) -> {
			Thread thread = new Thread(task, "report-reads-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** The year's figures of every organization. */
	YearData whole(YearPeriod period, IndicatorModel model) {
		List<OrgNode> nodes = organizations(new Criteria());
		return read(period, model, nodes, List.of(), (field) -> new Criteria(),
				() -> this.reads.postsOverlapping(period.start(), period.talkWindowEnd()), false);
	}

	/**
	 * The year's figures of every organization in the subtrees of the roots (which must
	 * not overlap).
	 */
	YearData subtrees(YearPeriod period, IndicatorModel model, List<String> roots) {
		List<OrgNode> nodes = organizations(AnalyticsReads.inAny("path", roots));
		Map<String, OrgNode> byId = new HashMap<>();
		nodes.forEach((node) -> byId.put(node.id(), node));
		Set<String> ancestors = new LinkedHashSet<>();
		for (String root : roots) {
			ancestors.addAll(byId.get(root).path().subList(0, byId.get(root).path().size() - 1));
		}
		ancestors.removeAll(byId.keySet());
		return read(period, model, nodes, List.copyOf(ancestors),
				(field) -> AnalyticsReads.inAny(OrgPathCollection.FIELD, roots), () -> {
					List<Post> posts = new ArrayList<>(
							this.reads.postsUnder(roots, period.start(), period.talkWindowEnd()));
					posts.addAll(this.reads.postsAt(ancestors, period.start(), period.talkWindowEnd()));
					return posts;
				}, true);
	}

	/**
	 * The year's figures of one organization from its own records and its children's
	 * roll-ups.
	 */
	YearData top(YearPeriod period, IndicatorModel model, OrgNode organization, Collection<RollUp> children) {
		List<String> ancestors = organization.path().subList(0, organization.path().size() - 1);
		List<String> here = new ArrayList<>(ancestors);
		here.add(organization.id());
		YearData data = read(period, model, List.of(organization), ancestors,
				(field) -> Criteria.where(field).is(organization.id()),
				() -> this.reads.postsAt(here, period.start(), period.talkWindowEnd()), true);
		children.forEach(data.figures()::rolledUp);
		return data;
	}

	/**
	 * Every read puts the slice's criteria last: the embedded server checks a document's
	 * conditions in order, and an {@code $in} of roots against an array costs it most.
	 * @param nodes the organizations computed
	 * @param ancestors the organizations above them whose posts were read
	 * @param records the criteria finding a collection's records of the slice, given the
	 * field naming a record's organization
	 * @param posts the posts of the slice and of the ancestors (all posts for the whole)
	 * @param partial whether posts elsewhere were left out (every post of the nodes and
	 * of the ancestors was read)
	 */
	private YearData read(YearPeriod period, IndicatorModel model, List<OrgNode> nodes, List<String> ancestors,
			Function<String, Criteria> records, Supplier<List<Post>> posts, boolean partial) {
		// the reads are independent: at once, each on a connection of its own
		CompletableFuture<List<FindingGroup>> findings = async(() -> findings(period, records.apply("organizationId")));
		CompletableFuture<List<TaskRow>> tasks = async(() -> tasks(period, records.apply("responsibleOrganizationId")));
		CompletableFuture<List<Document>> meetings = async(() -> meetings(period, records.apply("organizationId")));
		CompletableFuture<Map<String, Long>> interference = async(
				() -> interference(period, records.apply("organizationId")));
		CompletableFuture<List<Post>> window = async(posts);
		YearFigures figures = new YearFigures(period, nodes, model.meetingKinds());
		join(findings).forEach((group) -> figures.add(group.organizationId(), group.figures()));
		for (TaskRow task : join(tasks)) {
			figures.add(task.organizationId(), task.figures(period));
		}
		for (Document row : join(meetings)) {
			figures.meeting(row.getString("organizationId"),
					!AnalyticsReads.strings(row, "upperLevelAttendeeIds").isEmpty());
		}
		join(interference).forEach((organizationId, count) -> figures.add(organizationId,
				Figures.builder().interferenceRecords(count).build()));
		TalkCoverage coverage = coverage(period, figures, join(window), partial ? ancestors : null);
		return new YearData(figures, coverage);
	}

	private <T> CompletableFuture<T> async(Supplier<T> read) {
		return CompletableFuture.supplyAsync(read, this.reading);
	}

	/** The result of a background read or write, its failure thrown as it was. */
	static <T> T join(CompletableFuture<T> read) {
		try {
			return read.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	@Override
	public void destroy() {
		this.reading.shutdownNow();
	}

	/**
	 * The records of a year added up by organization, and the talk coverage to roll up.
	 */
	record YearData(YearFigures figures, TalkCoverage coverage) {

		Map<String, Figures> rollUp() {
			return this.figures.rollUp(this.coverage);
		}

		YearFigures.Totals totals() {
			return this.figures.totals(this.coverage);
		}

	}

	private List<OrgNode> organizations(Criteria criteria) {
		Query query = Query.query(criteria);
		ORGANIZATION_FIELDS.forEach(query.fields()::include);
		List<OrgNode> nodes = new ArrayList<>();
		for (Document row : this.mongo.find(query, Document.class, "organizations")) {
			nodes.add(OrgNode.of(row));
		}
		return nodes;
	}

	List<FindingGroup> findings(YearPeriod period, Criteria inSlice) {
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(new Criteria()
			.andOperator(Criteria.where("reportedOn").gte(day(period.start())).lte(day(period.end())), inSlice)));
		stages.add((context) -> new Document("$group",
				new Document("_id",
						new Document("o", "$organizationId").append("st", "$status")
							.append("sv", "$severity")
							.append("p", "$concernsPrincipal")
							.append("src", "$source")
							.append("d", "$disposition"))
					.append("n", new Document("$sum", 1))));
		List<FindingGroup> groups = new ArrayList<>();
		for (Document row : this.mongo.aggregate(Aggregation.newAggregation(stages), "findings", Document.class)
			.getMappedResults()) {
			Document id = row.get("_id", Document.class);
			String disposition = id.getString("d");
			groups.add(new FindingGroup(id.getString("o"), FindingStatus.valueOf(id.getString("st")),
					Severity.valueOf(id.getString("sv")), Boolean.TRUE.equals(id.getBoolean("p")),
					FindingSource.valueOf(id.getString("src")),
					(disposition != null) ? DispositionForm.valueOf(disposition) : null,
					((Number) row.get("n")).longValue()));
		}
		return groups;
	}

	/**
	 * Tasks that can matter for the year: assigned by the reference day and not verified
	 * before the year began (unless due in it); tasks of dismissed findings left out.
	 */
	private List<TaskRow> tasks(YearPeriod period, Criteria inSlice) {
		Criteria relevant = new Criteria().andOperator(Criteria.where("assignedOn").lte(day(period.referenceDay())),
				new Criteria().orOperator(Criteria.where("status").ne(RectificationStatus.VERIFIED.name()),
						Criteria.where("verifiedOn").gte(day(period.start())),
						Criteria.where("deadline").gte(day(period.start()))),
				inSlice);
		return this.reads.tasks(relevant);
	}

	private List<Document> meetings(YearPeriod period, Criteria inSlice) {
		Query query = Query.query(new Criteria()
			.andOperator(Criteria.where("date").gte(day(period.start())).lte(day(period.end())), inSlice));
		query.fields().include("organizationId", "upperLevelAttendeeIds");
		return this.mongo.find(query, Document.class, "meetings");
	}

	private Map<String, Long> interference(YearPeriod period, Criteria inSlice) {
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(new Criteria()
			.andOperator(Criteria.where("date").gte(day(period.start())).lte(day(period.end())), inSlice)));
		stages.add((context) -> new Document("$group",
				new Document("_id", "$organizationId").append("n", new Document("$sum", 1))));
		Map<String, Long> counts = new HashMap<>();
		for (Document row : this.mongo
			.aggregate(Aggregation.newAggregation(stages), "interference_records", Document.class)
			.getMappedResults()) {
			counts.put(row.getString("_id"), ((Number) row.get("n")).longValue());
		}
		return counts;
	}

	/**
	 * Counts the posts of the reference day, finds the counted principals and reads what
	 * their talk coverage needs. With {@code ancestors}, the posts read are those of the
	 * slice and its ancestors: a talk that did not count with those may count through a
	 * post its subject holds elsewhere, so those subjects' other posts (and the
	 * principals above them) are read and the coverage built again. Adding posts can only
	 * make a talk count, so the subjects whose talks all count already need nothing more,
	 * and the result is the whole tree's.
	 */
	private TalkCoverage coverage(YearPeriod period, YearFigures figures, List<Post> window, List<String> ancestors) {
		Map<String, List<Post>> principalsOnDay = new HashMap<>();
		Map<String, List<Post>> principalsInWindow = new HashMap<>();
		Map<String, List<Post>> postsByCadre = new HashMap<>();
		Set<String> postIds = new HashSet<>();
		for (Post post : window) {
			if (!postIds.add(post.id())) {
				continue;
			}
			postsByCadre.computeIfAbsent(post.cadreId(), (k) -> new ArrayList<>()).add(post);
			if (post.principal()) {
				principalsInWindow.computeIfAbsent(post.organizationId(), (k) -> new ArrayList<>()).add(post);
				if (post.activeOn(period.referenceDay())) {
					principalsOnDay.computeIfAbsent(post.organizationId(), (k) -> new ArrayList<>()).add(post);
				}
			}
			if (post.activeOn(period.referenceDay())) {
				figures.postOnDay(post);
			}
		}
		List<Post> counted = new ArrayList<>();
		Set<String> subjects = new HashSet<>();
		for (List<Post> posts : principalsOnDay.values()) {
			for (Post post : posts) {
				if (figures.contains(post.organizationId()) && TalkCoverage.hasPrincipalAbove(post, principalsOnDay)) {
					figures.countedPrincipal(post);
					counted.add(post);
					subjects.add(post.cadreId());
				}
			}
		}
		Map<String, List<TalkRow>> talks = talksOf(period, subjects);
		TalkCoverage coverage = new TalkCoverage(period, postsByCadre, principalsInWindow, talks);
		if (ancestors == null) {
			return coverage;
		}
		Set<String> unresolved = new TreeSet<>();
		for (Post post : counted) {
			if (coverage.undecided(post)) {
				unresolved.add(post.cadreId());
			}
		}
		List<Post> elsewhere = this.reads.postsOfCadres(unresolved, period.start(), period.talkWindowEnd())
			.stream()
			.filter((post) -> !postIds.contains(post.id()))
			.toList();
		if (elsewhere.isEmpty()) {
			return coverage;
		}
		Set<String> above = new TreeSet<>();
		for (Post post : elsewhere) {
			postsByCadre.computeIfAbsent(post.cadreId(), (k) -> new ArrayList<>()).add(post);
			above.addAll(post.ancestorIds());
		}
		// the principals of the organizations whose posts were all read are known already
		above.removeIf((id) -> figures.contains(id) || ancestors.contains(id));
		for (Post principal : this.reads.principalsOverlapping(above, period.start(), period.talkWindowEnd())) {
			if (postIds.add(principal.id())) {
				principalsInWindow.computeIfAbsent(principal.organizationId(), (k) -> new ArrayList<>()).add(principal);
			}
		}
		return new TalkCoverage(period, postsByCadre, principalsInWindow, talks);
	}

	/**
	 * The SUPERVISION and APPOINTMENT talks of the window of the subjects, by subject.
	 */
	private Map<String, List<TalkRow>> talksOf(YearPeriod period, Set<String> subjects) {
		if (subjects.isEmpty()) {
			return Map.of();
		}
		boolean bySubject = subjects.size() <= TALKS_BY_SUBJECT;
		return this.reads
			.talks(TalkCoverage.kinds(), period.start(), period.talkWindowEnd(), bySubject ? subjects : null)
			.stream()
			.filter((talk) -> subjects.contains(talk.subjectId()))
			.collect(Collectors.groupingBy(TalkRow::subjectId));
	}

}
