package org.oversight.analytics.indicator;

import java.util.List;

/**
 * What {@link Scoring} makes of one organization's figures. Scores and values are rounded
 * (total and indicator scores to 0.1, values and points to 0.01, shares to 0.1 %) after
 * everything was computed unrounded; the grade is that of the rounded total.
 *
 * @param score the total, 0..100
 * @param band the grade band the total falls in
 * @param dimensions every dimension with at least one applicable indicator, in model
 * order
 * @param indicators every indicator, in model order, applicable or not
 */
public record ScoreCard(double score, GradeBand band, List<DimensionResult> dimensions,
		List<IndicatorResult> indicators) {

	public Grade grade() {
		return this.band.grade();
	}

	/**
	 * One indicator's result.
	 *
	 * @param indicator the indicator
	 * @param value the raw value; null when not applicable
	 * @param score 0..100 on its scale; null when not applicable
	 * @param points the points of the total it carries (0 when not applicable)
	 * @param lostPoints the points of the total it lost, after the dimension's cap
	 * @param lostShare its share of all lost points, in percent
	 */
	public record IndicatorResult(Indicator indicator, Double value, Double score, double points, double lostPoints,
			double lostShare) {

		public boolean applicable() {
			return this.value != null;
		}

	}

	/**
	 * One dimension's result.
	 *
	 * @param dimension the dimension
	 * @param score the weighted mean of its applicable indicators' scores
	 * @param lostPoints the points of the total it lost, after its cap
	 */
	public record DimensionResult(Dimension dimension, double score, double lostPoints) {

	}

}
