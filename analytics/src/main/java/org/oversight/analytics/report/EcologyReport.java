package org.oversight.analytics.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import org.oversight.analytics.indicator.Figures;
import org.oversight.analytics.indicator.Grade;
import org.oversight.analytics.indicator.Scoring;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.talk.TalkKind;

/**
 * One organization's political-ecology report (政治生态分析研判报告) for one year, computed over
 * its whole subtree. One document per organization and year, replaced whenever the year
 * is recomputed.
 *
 * @param id {@code organizationId:year}
 * @param organizationId the organization analysed
 * @param organizationCode its code (for the default order)
 * @param organizationName its name when the report was computed
 * @param level its level (peers share it)
 * @param parentId its parent (peers share it); null for a root
 * @param orgPath its materialised path, for scope filters (rewritten when it moves)
 * @param year the calendar year
 * @param referenceDay the day stocks were counted on: 31 December, or the day of
 * computation for the current year
 * @param score 0..100 from the model's fixed scales
 * @param grade the grade of the score
 * @param gradeLabel the grade's Chinese label
 * @param rankAmongPeers 1 is best; equal scores share a rank
 * @param peerCount organizations of the same level and parent with a report for the year,
 * this one included
 * @param previousScore last year's score; null when there was no report
 * @param dimensions the score of each dimension with an applicable indicator
 * @param indicators every indicator of the model, applicable or not
 * @param figures the counts everything above was computed from
 * @param problemsToRectify what scores low, worst first, in Chinese
 * @param followUps what the grade triggers
 * @param narrative Chinese prose written from the figures
 * @param generatedAt when it was computed
 */
@Document("ecology_reports")
@CompoundIndexes({ @CompoundIndex(name = "year_score_code", def = "{ 'year': 1, 'score': -1, 'organizationCode': 1 }"),
		@CompoundIndex(name = "scope_year", def = "{ 'orgPath': 1, 'year': 1 }"),
		@CompoundIndex(name = "organization_year", def = "{ 'organizationId': 1, 'year': 1 }"),
		@CompoundIndex(name = "peers", def = "{ 'parentId': 1, 'level': 1, 'year': 1 }") })
public record EcologyReport(@Id String id, String organizationId, String organizationCode, String organizationName,
		OrgLevel level, String parentId, List<String> orgPath, int year, LocalDate referenceDay, double score,
		Grade grade, String gradeLabel, Integer rankAmongPeers, Integer peerCount, Double previousScore,
		List<DimensionScore> dimensions, List<IndicatorValue> indicators, Figures figures,
		List<String> problemsToRectify, List<FollowUp> followUps, String narrative, Instant generatedAt) {

	public EcologyReport {
		orgPath = (orgPath != null) ? List.copyOf(orgPath) : List.of();
		dimensions = (dimensions != null) ? List.copyOf(dimensions) : List.of();
		indicators = (indicators != null) ? List.copyOf(indicators) : List.of();
		problemsToRectify = (problemsToRectify != null) ? List.copyOf(problemsToRectify) : List.of();
		followUps = (followUps != null) ? List.copyOf(followUps) : List.of();
	}

	public static String key(String organizationId, int year) {
		return organizationId + ":" + year;
	}

	/** The change from last year's score; null without one. */
	public Double change() {
		return (this.previousScore != null) ? Scoring.round(this.score - this.previousScore, 1) : null;
	}

	/** The indicators that had data (a non-zero denominator): what the API lists. */
	public List<IndicatorValue> applicableIndicators() {
		return this.indicators.stream().filter(IndicatorValue::applicable).toList();
	}

	EcologyReport withRank(Integer rank, Integer count) {
		return new EcologyReport(this.id, this.organizationId, this.organizationCode, this.organizationName, this.level,
				this.parentId, this.orgPath, this.year, this.referenceDay, this.score, this.grade, this.gradeLabel,
				rank, count, this.previousScore, this.dimensions, this.indicators, this.figures, this.problemsToRectify,
				this.followUps, this.narrative, this.generatedAt);
	}

	EcologyReport withPreviousScore(Double previous) {
		return new EcologyReport(this.id, this.organizationId, this.organizationCode, this.organizationName, this.level,
				this.parentId, this.orgPath, this.year, this.referenceDay, this.score, this.grade, this.gradeLabel,
				this.rankAmongPeers, this.peerCount, previous, this.dimensions, this.indicators, this.figures,
				this.problemsToRectify, this.followUps, this.narrative, this.generatedAt);
	}

	EcologyReport withParent(String parent, List<String> path) {
		return new EcologyReport(this.id, this.organizationId, this.organizationCode, this.organizationName, this.level,
				parent, path, this.year, this.referenceDay, this.score, this.grade, this.gradeLabel,
				this.rankAmongPeers, this.peerCount, this.previousScore, this.dimensions, this.indicators, this.figures,
				this.problemsToRectify, this.followUps, this.narrative, this.generatedAt);
	}

	EcologyReport withNarrative(String text) {
		return new EcologyReport(this.id, this.organizationId, this.organizationCode, this.organizationName, this.level,
				this.parentId, this.orgPath, this.year, this.referenceDay, this.score, this.grade, this.gradeLabel,
				this.rankAmongPeers, this.peerCount, this.previousScore, this.dimensions, this.indicators, this.figures,
				this.problemsToRectify, this.followUps, text, this.generatedAt);
	}

	/**
	 * One indicator's figure.
	 *
	 * @param code the indicator's code
	 * @param name its Chinese name
	 * @param dimension the Chinese name of its dimension
	 * @param unit the unit of the value
	 * @param value the raw value; null when not applicable (zero denominator)
	 * @param score 0..100 on its fixed scale; null when not applicable
	 * @param weight its configured weight
	 * @param points the points of the total it carried (0 when not applicable)
	 * @param lostPoints the points it lost ("where points were lost")
	 * @param lostShare its share of all lost points, in percent
	 */
	public record IndicatorValue(String code, String name, String dimension, String unit, Double value, Double score,
			double weight, double points, double lostPoints, double lostShare) {

		public boolean applicable() {
			return this.value != null;
		}

	}

	/**
	 * One dimension's score.
	 *
	 * @param code the dimension's code
	 * @param dimension its Chinese name
	 * @param score 0..100
	 * @param lostPoints the points of the total it lost (after its cap)
	 */
	public record DimensionScore(String code, String dimension, double score, double lostPoints) {

	}

	/**
	 * A follow-up the grade triggers, for the scheduler.
	 *
	 * @param code stable code (e.g. REMINDER_TALK)
	 * @param label what is to be done, in Chinese
	 * @param talkKind the talk the principal is to receive; null when not a talk
	 * @param principalId the organization's principal on the reference day; null when
	 * vacant
	 */
	public record FollowUp(String code, String label, TalkKind talkKind, String principalId) {

	}

}
