package org.oversight.analytics.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.oversight.analytics.indicator.Figures;
import org.oversight.analytics.indicator.IndicatorModel;
import org.oversight.core.organization.OrgKind;
import org.oversight.core.organization.OrgLevel;

/** Reports built in memory from hand-made figures, for tests that need no database. */
public final class SampleReports {

	private SampleReports() {
	}

	/** A county committee's report for {@code year}, alone in its peer group. */
	public static EcologyReport county(IndicatorModel model, String name, int year, Figures figures,
			Double previousScore) {
		OrgNode node = new OrgNode("x1", "X01", name, OrgKind.PARTY_COMMITTEE, OrgLevel.COUNTY, "c1",
				List.of("c1", "x1"), null);
		EcologyReport draft = Drafts.draft(model, node, year, LocalDate.of(year, 12, 31), figures, "p1",
				Instant.parse(year + 1 + "-01-05T02:00:00Z"));
		return EcologyReportService.ranked(List.of(draft.withPreviousScore(previousScore))).get(0);
	}

	/** The same county's peers: its report and three others. */
	public static List<EcologyReport> peers(IndicatorModel model, EcologyReport county, Figures figures) {
		List<EcologyReport> all = new ArrayList<>();
		all.add(county);
		String[] names = { "柳宁区委", "嘉江县委", "河陵区委" };
		for (int i = 0; i < names.length; i++) {
			OrgNode node = new OrgNode("x" + (i + 2), "X0" + (i + 2), names[i], OrgKind.PARTY_COMMITTEE,
					OrgLevel.COUNTY, "c1", List.of("c1", "x" + (i + 2)), null);
			all.add(Drafts.draft(model, node, county.year(), county.referenceDay(),
					figures.toBuilder().overdueTasks(i).overdueDays(20L * i).build(), null, county.generatedAt()));
		}
		return EcologyReportService.ranked(all);
	}

}
