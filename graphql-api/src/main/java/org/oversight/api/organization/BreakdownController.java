package org.oversight.api.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.oversight.api.graphql.OrgNode;
import org.oversight.api.graphql.TalliedCounts;
import org.oversight.api.viewer.Right;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.common.Breakdowns;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.Keyset;
import org.oversight.core.common.Today;
import org.oversight.core.finding.DispositionForm;
import org.oversight.core.finding.FindingCategory;
import org.oversight.core.finding.FindingFilter;
import org.oversight.core.finding.FindingQueries;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.FindingStatus;
import org.oversight.core.finding.FindingTally;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationQueries;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.rectification.RectificationFilter;
import org.oversight.core.rectification.RectificationMode;
import org.oversight.core.rectification.RectificationQueries;
import org.oversight.core.rectification.RectificationStatus;
import org.oversight.core.rectification.RectificationTally;
import org.oversight.core.tally.SubtreeTallies;
import org.oversight.core.tally.TallyFilter;

/**
 * Grouped counts for charts: one row per child organization of {@code under} (each
 * child's whole subtree counted), with counts by a dimension. One aggregation per query.
 */
@Controller
class BreakdownController {

	enum FindingDimension {

		STATUS, SEVERITY, SOURCE, CATEGORY, DISPOSITION

	}

	enum RectificationDimension {

		STATUS, MODE, OVERDUE

	}

	record KeyCount(String key, String label, int count) {
	}

	record OrganizationCounts(OrgNode organization, int total, List<KeyCount> counts) {
	}

	private final OrganizationService organizations;

	private final OrganizationQueries organizationQueries;

	private final FindingQueries findings;

	private final RectificationQueries rectifications;

	private final MongoTemplate mongo;

	private final Today today;

	private final SubtreeTallies tallies;

	BreakdownController(OrganizationService organizations, OrganizationQueries organizationQueries,
			FindingQueries findings, RectificationQueries rectifications, MongoTemplate mongo, Today today,
			SubtreeTallies tallies) {
		this.tallies = tallies;
		this.organizations = organizations;
		this.organizationQueries = organizationQueries;
		this.findings = findings;
		this.rectifications = rectifications;
		this.mongo = mongo;
		this.today = today;
	}

	@QueryMapping
	List<OrganizationCounts> findingBreakdown(@Argument String under, @Argument FindingDimension by,
			@Argument FindingFilter filter, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		List<Organization> children = children(under, viewer);
		Criteria criteria = this.findings.of(viewer.scope(), under, true, filter);
		String field = switch (by) {
			case STATUS -> "$status";
			case SEVERITY -> "$severity";
			case SOURCE -> "$source";
			case CATEGORY -> "$category";
			case DISPOSITION -> "$disposition";
		};
		Map<String, String> labels = new LinkedHashMap<>();
		switch (by) {
			case STATUS ->
				java.util.Arrays.stream(FindingStatus.values()).forEach((v) -> labels.put(v.name(), v.label()));
			case SEVERITY -> java.util.Arrays.stream(Severity.values()).forEach((v) -> labels.put(v.name(), v.label()));
			case SOURCE ->
				java.util.Arrays.stream(FindingSource.values()).forEach((v) -> labels.put(v.name(), v.label()));
			case CATEGORY ->
				java.util.Arrays.stream(FindingCategory.values()).forEach((v) -> labels.put(v.name(), v.label()));
			case DISPOSITION -> {
				java.util.Arrays.stream(DispositionForm.values()).forEach((v) -> labels.put(v.name(), v.label()));
				labels.put("NONE", "未处置");
			}
		}
		List<String> ids = children.stream().map(Organization::id).toList();
		int part = switch (by) {
			case STATUS -> 0;
			case SEVERITY -> 1;
			case SOURCE -> 2;
			case CATEGORY -> 3;
			case DISPOSITION -> -1;
		};
		TallyFilter tally = TalliedCounts.usable(viewer, FindingTally.of(filter));
		Map<String, Map<String, Long>> counts = (part >= 0 && tally != null)
				? tallied(tally, ids, (key) -> key.split("\\|", -1)[part]).orElse(null) : null;
		return rows(children,
				(counts != null) ? counts : Breakdowns.countBySubtree(this.mongo, "findings", criteria, ids, field),
				labels, viewer);
	}

	@QueryMapping
	List<OrganizationCounts> rectificationBreakdown(@Argument String under, @Argument RectificationDimension by,
			@Argument RectificationFilter filter, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		List<Organization> children = children(under, viewer);
		Criteria criteria = this.rectifications.of(viewer.scope(), under, true, filter, this.today.date());
		Map<String, String> labels = new LinkedHashMap<>();
		Object key;
		switch (by) {
			case STATUS -> {
				key = "$status";
				java.util.Arrays.stream(RectificationStatus.values()).forEach((v) -> labels.put(v.name(), v.label()));
			}
			case MODE -> {
				key = "$mode";
				java.util.Arrays.stream(RectificationMode.values()).forEach((v) -> labels.put(v.name(), v.label()));
			}
			default -> {
				Document open = new Document("$in", List.of("$status", List.of("ASSIGNED", "IN_PROGRESS")));
				Document late = new Document("$lt", List.of("$deadline", Keyset.date(this.today.date())));
				key = new Document("$cond", List.of(new Document("$and", List.of(open, late)), "true", "false"));
				labels.put("true", "逾期");
				labels.put("false", "未逾期");
			}
		}
		List<String> ids = children.stream().map(Organization::id).toList();
		LocalDate day = this.today.date();
		TallyFilter tally = TalliedCounts.usable(viewer, RectificationTally.of(filter, day));
		Map<String, Map<String, Long>> counts = (by != RectificationDimension.MODE && tally != null)
				? tallied(tally, ids, (k) -> {
					String status = k.substring(0, k.indexOf('|'));
					if (by == RectificationDimension.STATUS) {
						return status;
					}
					boolean late = (status.equals("ASSIGNED") || status.equals("IN_PROGRESS"))
							&& LocalDate.parse(k.substring(k.indexOf('|') + 1)).isBefore(day);
					return String.valueOf(late);
				}).orElse(null) : null;
		return rows(children,
				(counts != null) ? counts : Breakdowns.countBySubtree(this.mongo, "rectifications", criteria, ids, key),
				labels, viewer);
	}

	/**
	 * Counts by dimension from the subtree tallies (one read by ids), or empty before
	 * they are built.
	 */
	private Optional<Map<String, Map<String, Long>>> tallied(TallyFilter filter, List<String> ids,
			Function<String, String> dimension) {
		return this.tallies.read(filter.source(), ids, filter.parts()).map((read) -> {
			Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
			read.forEach((org, byKey) -> {
				Map<String, Long> grouped = new LinkedHashMap<>();
				byKey.forEach((key, n) -> {
					if (filter.matches(key)) {
						grouped.merge(dimension.apply(key), n, Long::sum);
					}
				});
				counts.put(org, grouped);
			});
			return counts;
		});
	}

	private List<Organization> children(String under, Viewer viewer) {
		Organization root = this.organizations.get("under", under);
		if (!viewer.sees(root.path())) {
			throw DomainException.notFound("under", "Organization", under);
		}
		return this.organizationQueries.childrenOf(List.of(root.id()));
	}

	private static List<OrganizationCounts> rows(List<Organization> children, Map<String, Map<String, Long>> counts,
			Map<String, String> labels, Viewer viewer) {
		List<OrganizationCounts> rows = new ArrayList<>();
		for (Organization child : children) {
			Map<String, Long> byKey = counts.getOrDefault(child.id(), Map.of());
			List<KeyCount> list = new ArrayList<>();
			labels.forEach((key, label) -> list.add(new KeyCount(key, label, byKey.getOrDefault(key, 0L).intValue())));
			byKey.forEach((key, n) -> {
				if (!labels.containsKey(key)) {
					list.add(new KeyCount(key, key, n.intValue()));
				}
			});
			int total = (int) byKey.values().stream().mapToLong(Long::longValue).sum();
			rows.add(new OrganizationCounts(OrgNode.of(child, viewer.scope()), total, list));
		}
		return rows;
	}

}
