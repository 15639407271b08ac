package org.oversight.analytics.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ranks among peers: organizations of the same level with the same parent that have a
 * report for the year. 1 is best; equal scores share a rank and the next rank skips (1,
 * 2, 2, 4); the count is the size of the peer group. Each group is sorted once, so a
 * large group costs n log n, not n².
 */
final class Ranking {

	private Ranking() {
	}

	record Ranked(int rank, int count) {
	}

	/**
	 * One report as ranking sees it.
	 *
	 * @param id the report's id
	 * @param group its peer group ({@link #group})
	 * @param score its score
	 */
	record Entry(String id, String group, double score) {

		static Entry of(EcologyReport report) {
			return new Entry(report.id(), Ranking.group(report), report.score());
		}

	}

	/** The rank of each report, by id, within its peer group. */
	static Map<String, Ranked> rank(Collection<EcologyReport> reports) {
		return rankEntries(reports.stream().map(Entry::of).toList());
	}

	/** The rank of each entry, by id, within its peer group. */
	static Map<String, Ranked> rankEntries(Collection<Entry> entries) {
		Map<String, List<Entry>> groups = new LinkedHashMap<>();
		for (Entry entry : entries) {
			groups.computeIfAbsent(entry.group(), (k) -> new ArrayList<>()).add(entry);
		}
		Map<String, Ranked> ranks = new LinkedHashMap<>();
		for (List<Entry> group : groups.values()) {
			List<Entry> best = new ArrayList<>(group);
			best.sort(Comparator.comparingDouble(Entry::score).reversed());
			int rank = 0;
			for (int i = 0; i < best.size(); i++) {
				if (i == 0 || best.get(i).score() < best.get(i - 1).score()) {
					rank = i + 1;
				}
				ranks.put(best.get(i).id(), new Ranked(rank, group.size()));
			}
		}
		return ranks;
	}

	/** The peer group of a report: year, level and parent. */
	static String group(EcologyReport report) {
		return group(report.year(), report.level(), report.parentId());
	}

	static String group(int year, Object level, String parentId) {
		return year + "|" + level + "|" + Objects.toString(parentId, "");
	}

}
