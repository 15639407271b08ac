package org.oversight.analytics.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.oversight.analytics.indicator.Figures;
import org.oversight.analytics.indicator.IndicatorModel;
import org.oversight.analytics.indicator.ScoreCard;
import org.oversight.analytics.indicator.Scoring;

/**
 * Builds a report from an organization's figures, before ranks and narrative are known.
 */
final class Drafts {

	private Drafts() {
	}

	static EcologyReport draft(IndicatorModel model, OrgNode organization, int year, LocalDate referenceDay,
			Figures figures, String principalId, Instant generatedAt) {
		ScoreCard card = Scoring.score(model, figures);
		List<EcologyReport.DimensionScore> dimensions = card.dimensions()
			.stream()
			.map((d) -> new EcologyReport.DimensionScore(d.dimension().code(), d.dimension().name(), d.score(),
					d.lostPoints()))
			.toList();
		List<EcologyReport.IndicatorValue> indicators = card.indicators()
			.stream()
			.map((i) -> new EcologyReport.IndicatorValue(i.indicator().code(), i.indicator().name(),
					model.dimensionName(i.indicator().dimension()), i.indicator().unit(), i.value(), i.score(),
					i.indicator().weight(), i.points(), i.lostPoints(), i.lostShare()))
			.toList();
		List<EcologyReport.FollowUp> followUps = card.band()
			.followUps()
			.stream()
			.map((rule) -> new EcologyReport.FollowUp(rule.code(), rule.label(), rule.talkKind(), principalId))
			.toList();
		return new EcologyReport(EcologyReport.key(organization.id(), year), organization.id(), organization.code(),
				organization.name(), organization.level(), organization.parentId(), organization.path(), year,
				referenceDay, card.score(), card.grade(), card.band().label(), null, null, null, dimensions, indicators,
				figures, problems(model, card), followUps, "", generatedAt);
	}

	/**
	 * The indicators scoring below the model's threshold, most points lost first, each
	 * with its figure and the configured advice.
	 */
	static List<String> problems(IndicatorModel model, ScoreCard card) {
		return card.indicators()
			.stream()
			.filter((i) -> i.applicable() && i.score() < model.problemThreshold())
			.sorted(Comparator.comparingDouble(ScoreCard.IndicatorResult::lostPoints)
				.reversed()
				.thenComparing((i) -> i.indicator().code()))
			.map((i) -> i.indicator().name() + "为" + Numbers.withUnit(i.value(), i.indicator().unit()) + "（得"
					+ Numbers.of(i.score()) + "分，失" + Numbers.of(i.lostPoints(), 2) + "分）"
					+ (i.indicator().advice().isEmpty() ? "" : "：" + i.indicator().advice()) + "。")
			.toList();
	}

}
