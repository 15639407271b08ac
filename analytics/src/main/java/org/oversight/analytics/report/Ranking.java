package org.oversight.analytics.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ranks among peers: organizations of the same level with the same parent that have a
 * report for the year. 1 is best; equal scores share a rank and the next rank skips (1,
 * 2, 2, 4); the count is the size of the peer group.
 */
final class Ranking {

	private Ranking() {
	}

	record Ranked(int rank, int count) {
	}

	/** The rank of each report, by id, within its peer group. */
	static Map<String, Ranked> rank(Collection<EcologyReport> reports) {
		Map<String, List<EcologyReport>> groups = new LinkedHashMap<>();
		for (EcologyReport report : reports) {
			groups.computeIfAbsent(group(report), (k) -> new ArrayList<>()).add(report);
		}
		Map<String, Ranked> ranks = new LinkedHashMap<>();
		for (List<EcologyReport> group : groups.values()) {
			for (EcologyReport report : group) {
				int better = 0;
				for (EcologyReport other : group) {
					if (other.score() > report.score()) {
						better++;
					}
				}
				ranks.put(report.id(), new Ranked(better + 1, group.size()));
			}
		}
		return ranks;
	}

	/** The peer group of a report: year, level and parent. */
	static String group(EcologyReport report) {
		return report.year() + "|" + report.level() + "|" + Objects.toString(report.parentId(), "");
	}

}
