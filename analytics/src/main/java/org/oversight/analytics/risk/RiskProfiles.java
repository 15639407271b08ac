package org.oversight.analytics.risk;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.analytics.facts.AnalyticsReads;
import org.oversight.analytics.facts.Post;
import org.oversight.analytics.facts.TalkCoverage;
import org.oversight.analytics.facts.TalkRow;
import org.oversight.analytics.facts.TaskRow;
import org.oversight.analytics.facts.YearPeriod;
import org.oversight.analytics.indicator.IndicatorModel;
import org.oversight.analytics.indicator.RiskModel;
import org.oversight.analytics.indicator.Scoring;
import org.oversight.core.common.Today;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.FindingStatus;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.Organizations;
import org.oversight.core.rectification.RectificationStatus;

import static org.oversight.analytics.facts.AnalyticsReads.day;

/**
 * Computes the yearly risk profiles of principals, many at once in a fixed number of
 * queries (for batch loading). A cadre has a profile for a year when they held a
 * PRINCIPAL post at some time in it, up to the reference day; the profile looks at that
 * post (the one held on the reference day, the deepest if several; otherwise the one that
 * ended last). Factors and their weights come from the model's {@code risk} section:
 * <ul>
 * <li>FINDINGS: findings about them reported in the year (not dismissed, petitions
 * apart), weighted by severity;</li>
 * <li>PETITIONS: petitions about them in the year (not dismissed);</li>
 * <li>OVERDUE_TASKS: tasks of their organization overdue on the reference day;</li>
 * <li>MISSING_SUPERVISION_TALK: no supervision talk by an ancestor principal in the year,
 * for a principal on the reference day who has a principal above;</li>
 * <li>LONG_TENURE: more than the configured years in the same post (consecutive terms in
 * the same organization and role count as one) without rotation;</li>
 * <li>INTERFERENCE: interference records of theirs dated in the year.</li>
 * </ul>
 */
@Component
public class RiskProfiles {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final MongoTemplate mongo;

	private final AnalyticsReads reads;

	private final Organizations organizations;

	private final IndicatorModel model;

	private final Today today;

	RiskProfiles(MongoTemplate mongo, AnalyticsReads reads, Organizations organizations, IndicatorModel model,
			Today today) {
		this.mongo = mongo;
		this.reads = reads;
		this.organizations = organizations;
		this.model = model;
		this.today = today;
	}

	/** The profile of one cadre; empty when they held no principal post in the year. */
	public Optional<RiskProfile> of(String cadreId, int year) {
		return Optional.ofNullable(of(List.of(cadreId), year).get(cadreId));
	}

	/**
	 * The profiles of the cadres for the year, keyed by cadre id in the order asked;
	 * cadres who held no principal post in the year are absent.
	 */
	public Map<String, RiskProfile> of(Collection<String> cadreIds, int year) {
		YearPeriod period = YearPeriod.of(year, this.today.date());
		LocalDate day = period.referenceDay();
		List<String> ids = List.copyOf(new LinkedHashSet<>(cadreIds));
		if (ids.isEmpty()) {
			return new LinkedHashMap<>();
		}
		Map<String, List<Post>> postsByCadre = this.reads.postsOfCadres(ids)
			.stream()
			.collect(Collectors.groupingBy(Post::cadreId));
		Map<String, Post> chosen = new LinkedHashMap<>();
		for (String id : ids) {
			choose(postsByCadre.getOrDefault(id, List.of()), period).ifPresent((post) -> chosen.put(id, post));
		}
		if (chosen.isEmpty()) {
			return new LinkedHashMap<>();
		}
		Set<String> organizationIds = chosen.values().stream().map(Post::organizationId).collect(Collectors.toSet());
		Map<String, Organization> organizationsById = new HashMap<>();
		this.organizations.findByIdIn(organizationIds).forEach((o) -> organizationsById.put(o.id(), o));
		Map<String, FindingCounts> findings = findings(chosen.keySet(), period);
		Map<String, Long> overdue = overdueTasks(organizationIds, day);
		Set<String> missingTalk = missingSupervisionTalk(chosen, postsByCadre, period);
		Map<String, Long> interference = interference(chosen.keySet(), period);
		RiskModel risk = this.model.risk();
		Map<String, RiskProfile> profiles = new LinkedHashMap<>();
		for (Map.Entry<String, Post> entry : chosen.entrySet()) {
			String cadreId = entry.getKey();
			Post post = entry.getValue();
			Organization organization = organizationsById.get(post.organizationId());
			String place = (organization != null) ? organization.name() : post.organizationId();
			List<RiskFactor> factors = new ArrayList<>();
			FindingCounts counts = findings.getOrDefault(cadreId, new FindingCounts());
			double findingPoints = Math.min(risk.findings().cap(), counts.earlySign * risk.findings().earlySign()
					+ counts.general * risk.findings().general() + counts.serious * risk.findings().serious());
			if (counts.total() > 0) {
				factors.add(new RiskFactor("FINDINGS",
						year + "年被反映问题" + counts.total() + "个（" + counts.breakdown() + "），不含信访举报和已澄清的问题",
						findingPoints));
			}
			if (counts.petitions > 0) {
				factors.add(new RiskFactor("PETITIONS", year + "年信访举报反映其问题" + counts.petitions + "件（已澄清的不计）",
						risk.petitions().points(counts.petitions)));
			}
			long overdueTasks = overdue.getOrDefault(post.organizationId(), 0L);
			if (overdueTasks > 0) {
				factors.add(new RiskFactor("OVERDUE_TASKS",
						"所在单位" + place + "截至" + DAY.format(day) + "有" + overdueTasks + "项整改任务逾期未完成",
						risk.overdueTasks().points(overdueTasks)));
			}
			if (missingTalk.contains(cadreId)) {
				factors.add(new RiskFactor("MISSING_SUPERVISION_TALK",
						year + "年（截至" + DAY.format(day) + "）未接受上级一把手的监督谈话", risk.missingSupervisionTalk()));
			}
			if (post.activeOn(day)) {
				LocalDate since = heldSince(post, postsByCadre.getOrDefault(cadreId, List.of()));
				double tenure = risk.longTenure().points(since, day);
				if (tenure > 0) {
					Period held = Period.between(since, day);
					factors.add(new RiskFactor("LONG_TENURE",
							"自" + DAY.format(since) + "起任" + place + "一把手，至" + DAY.format(day) + "已" + held.getYears()
									+ "年" + held.getMonths() + "个月，超过" + risk.longTenure().years() + "年未交流轮岗",
							tenure));
				}
			}
			long records = interference.getOrDefault(cadreId, 0L);
			if (records > 0) {
				factors.add(new RiskFactor("INTERFERENCE", year + "年有插手干预重大事项记录" + records + "件",
						risk.interference().points(records)));
			}
			factors.sort(Comparator.comparingDouble(RiskFactor::weight).reversed().thenComparing(RiskFactor::code));
			double sum = factors.stream().mapToDouble(RiskFactor::weight).sum();
			double score = Scoring.round(Math.min(100, sum), 1);
			profiles.put(cadreId,
					new RiskProfile(cadreId, year, post.organizationId(), score, risk.gradeOf(score), factors));
		}
		return profiles;
	}

	/**
	 * The principal post a profile looks at: held on the reference day (the deepest, the
	 * earliest start on a tie), otherwise the one of the year that ended last.
	 */
	static Optional<Post> choose(List<Post> posts, YearPeriod period) {
		LocalDate day = period.referenceDay();
		Optional<Post> current = posts.stream().filter((p) -> p.principal() && p.activeOn(day)).reduce(Post::deeper);
		if (current.isPresent()) {
			return current;
		}
		return posts.stream()
			.filter((p) -> p.principal() && p.overlaps(period.start(), day))
			.max(Comparator.comparing(Post::end).thenComparing(Comparator.comparing(Post::id).reversed()));
	}

	/**
	 * Since when the post has been held without rotation: earlier terms in the same
	 * organization and role that run on without a gap (the next starts at most a day
	 * after the previous ends) count as the same post.
	 */
	static LocalDate heldSince(Post post, List<Post> posts) {
		List<Post> terms = posts.stream()
			.filter((p) -> p.organizationId().equals(post.organizationId()) && p.role() == post.role()
					&& p.end() != null && p.end().isBefore(post.start()))
			.sorted(Comparator.comparing(Post::end).reversed())
			.toList();
		LocalDate since = post.start();
		for (Post term : terms) {
			if (!term.end().plusDays(1).isBefore(since)) {
				since = term.start().isBefore(since) ? term.start() : since;
			}
			else {
				break;
			}
		}
		return since;
	}

	private static final class FindingCounts {

		long earlySign;

		long general;

		long serious;

		long petitions;

		long total() {
			return this.earlySign + this.general + this.serious;
		}

		/** "严重问题1个、一般问题2个": the severities present, the gravest first. */
		String breakdown() {
			List<String> parts = new ArrayList<>();
			if (this.serious > 0) {
				parts.add("严重问题" + this.serious + "个");
			}
			if (this.general > 0) {
				parts.add("一般问题" + this.general + "个");
			}
			if (this.earlySign > 0) {
				parts.add("苗头性倾向性问题" + this.earlySign + "个");
			}
			return String.join("、", parts);
		}

	}

	private Map<String, FindingCounts> findings(Collection<String> cadreIds, YearPeriod period) {
		Query query = Query.query(Criteria.where("subjectId")
			.in(cadreIds)
			.and("reportedOn")
			.gte(day(period.start()))
			.lte(day(period.end()))
			.and("status")
			.ne(FindingStatus.DISMISSED.name()));
		query.fields().include("subjectId", "severity", "source");
		Map<String, FindingCounts> counts = new HashMap<>();
		for (Document row : this.mongo.find(query, Document.class, "findings")) {
			FindingCounts count = counts.computeIfAbsent(row.getString("subjectId"), (k) -> new FindingCounts());
			if (FindingSource.PETITION.name().equals(row.getString("source"))) {
				count.petitions++;
				continue;
			}
			switch (Severity.valueOf(row.getString("severity"))) {
				case EARLY_SIGN -> count.earlySign++;
				case GENERAL -> count.general++;
				case SERIOUS -> count.serious++;
			}
		}
		return counts;
	}

	private Map<String, Long> overdueTasks(Collection<String> organizationIds, LocalDate day) {
		Criteria criteria = new Criteria().andOperator(Criteria.where("responsibleOrganizationId").in(organizationIds),
				Criteria.where("assignedOn").lte(day(day)), Criteria.where("deadline").lt(day(day)),
				new Criteria().orOperator(
						Criteria.where("status")
							.in(RectificationStatus.ASSIGNED.name(), RectificationStatus.IN_PROGRESS.name()),
						Criteria.where("submittedOn").gt(day(day))));
		Map<String, Long> counts = new HashMap<>();
		for (TaskRow task : this.reads.tasks(criteria)) {
			if (task.inHandOn(day) && task.overdueOn(day)) {
				counts.merge(task.organizationId(), 1L, Long::sum);
			}
		}
		return counts;
	}

	/**
	 * Principals on the reference day with a principal above them and no supervision
	 * talk.
	 */
	private Set<String> missingSupervisionTalk(Map<String, Post> chosen, Map<String, List<Post>> postsByCadre,
			YearPeriod period) {
		LocalDate day = period.referenceDay();
		Set<String> ancestors = new HashSet<>();
		for (String cadreId : chosen.keySet()) {
			for (Post post : postsByCadre.getOrDefault(cadreId, List.of())) {
				if (post.overlaps(period.start(), period.talkWindowEnd())) {
					ancestors.addAll(post.ancestorIds());
				}
			}
		}
		Map<String, List<Post>> principals = this.reads
			.principalsOverlapping(ancestors, period.start(), period.talkWindowEnd())
			.stream()
			.collect(Collectors.groupingBy(Post::organizationId));
		Map<String, List<Post>> principalsOnDay = new HashMap<>();
		principals.forEach((organization, posts) -> principalsOnDay.put(organization,
				posts.stream().filter((p) -> p.activeOn(day)).toList()));
		List<String> subjects = chosen.entrySet()
			.stream()
			.filter((e) -> e.getValue().activeOn(day) && TalkCoverage.hasPrincipalAbove(e.getValue(), principalsOnDay))
			.map(Map.Entry::getKey)
			.toList();
		if (subjects.isEmpty()) {
			return Set.of();
		}
		Map<String, List<TalkRow>> talks = this.reads
			.talks(TalkCoverage.kinds(), period.start(), period.talkWindowEnd(), subjects)
			.stream()
			.collect(Collectors.groupingBy(TalkRow::subjectId));
		Map<String, List<Post>> windowPosts = new HashMap<>();
		for (String cadreId : subjects) {
			windowPosts.put(cadreId,
					postsByCadre.getOrDefault(cadreId, List.of())
						.stream()
						.filter((p) -> p.overlaps(period.start(), period.talkWindowEnd()))
						.toList());
		}
		TalkCoverage coverage = new TalkCoverage(period, windowPosts, principals, talks);
		Set<String> missing = new HashSet<>();
		for (String cadreId : subjects) {
			if (!coverage.supervised(cadreId)) {
				missing.add(cadreId);
			}
		}
		return missing;
	}

	private Map<String, Long> interference(Collection<String> cadreIds, YearPeriod period) {
		Query query = Query
			.query(Criteria.where("cadreId").in(cadreIds).and("date").gte(day(period.start())).lte(day(period.end())));
		query.fields().include("cadreId");
		Map<String, Long> counts = new HashMap<>();
		for (Document row : this.mongo.find(query, Document.class, "interference_records")) {
			counts.merge(row.getString("cadreId"), 1L, Long::sum);
		}
		return counts;
	}

}
