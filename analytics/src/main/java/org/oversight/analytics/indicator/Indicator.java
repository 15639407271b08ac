package org.oversight.analytics.indicator;

import java.util.List;

/**
 * One configured indicator: what it measures ({@link Measure}), how it is called and
 * counted, and the fixed scale that turns its raw value into 0..100. The scale never
 * looks at other organizations, so a score depends only on the organization's own
 * figures.
 *
 * @param code stable code
 * @param name Chinese name
 * @param measure the formula over the figures
 * @param unit the unit of the raw value (e.g. "%", "个/百人", "天")
 * @param direction which way is healthier (the scale must agree)
 * @param weight relative weight; the points of an indicator are its weight's share of 100
 * among the applicable indicators
 * @param dimension the code of its dimension
 * @param scale points (raw value → score), ascending in value; linear in between, flat
 * beyond the ends
 * @param advice what to do when it scores low, in Chinese
 */
public record Indicator(String code, String name, Measure measure, String unit, Direction direction, double weight,
		String dimension, List<ScalePoint> scale, String advice) {

	public Indicator {
		scale = (scale != null) ? List.copyOf(scale) : List.of();
		unit = (unit != null) ? unit : "";
		advice = (advice != null) ? advice : "";
	}

	/**
	 * One point of a scale.
	 *
	 * @param at the raw value
	 * @param score the score at that value, 0..100
	 */
	public record ScalePoint(double at, double score) {
	}

	/** The score of a raw value on this indicator's scale, 0..100. */
	public double scoreOf(double value) {
		List<ScalePoint> points = this.scale;
		if (value <= points.get(0).at()) {
			return points.get(0).score();
		}
		for (int i = 1; i < points.size(); i++) {
			ScalePoint upper = points.get(i);
			if (value <= upper.at()) {
				ScalePoint lower = points.get(i - 1);
				double fraction = (value - lower.at()) / (upper.at() - lower.at());
				return lower.score() + fraction * (upper.score() - lower.score());
			}
		}
		return points.get(points.size() - 1).score();
	}

	/** Refuses a scale that cannot work; says which indicator and why. */
	void validate() {
		String where = "Indicator " + this.code + ": ";
		require(this.code != null && !this.code.isBlank(), "Indicator without a code");
		require(this.name != null && !this.name.isBlank(), where + "name is required");
		require(this.measure != null, where + "measure is required");
		require(this.direction != null, where + "direction is required");
		require(this.weight > 0, where + "weight must be positive");
		require(this.scale.size() >= 2, where + "the scale needs at least two points");
		for (int i = 0; i < this.scale.size(); i++) {
			ScalePoint point = this.scale.get(i);
			require(point.score() >= 0 && point.score() <= 100, where + "scores must lie in 0..100");
			if (i > 0) {
				ScalePoint previous = this.scale.get(i - 1);
				require(point.at() > previous.at(), where + "scale values must strictly increase");
				boolean rising = point.score() >= previous.score();
				boolean falling = point.score() <= previous.score();
				require((this.direction == Direction.HIGHER_IS_BETTER) ? rising : falling,
						where + "the scale must agree with the direction " + this.direction);
			}
		}
	}

	static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException("Invalid analytics model: " + message);
		}
	}

}
