package org.oversight.analytics.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one organization's figures into scores, using nothing but the model's fixed
 * scales, so the result never depends on which other organizations were computed with it.
 * <ol>
 * <li>Each applicable indicator gets its score {@code s} (0..100) from its scale and
 * carries {@code points = 100 × weight ÷ (sum of the applicable weights)}.</li>
 * <li>It loses {@code points × (100 − s) ÷ 100}.</li>
 * <li>A dimension loses the sum of its indicators' losses, at most its
 * {@code maxDeduction} (capped deduction); when capped, its indicators' losses shrink in
 * proportion.</li>
 * <li>The total is {@code 100 −} the dimensions' losses; a dimension's score is the
 * weighted mean of its indicators' scores.</li>
 * </ol>
 */
public final class Scoring {

	private Scoring() {
	}

	public static ScoreCard score(IndicatorModel model, Figures figures) {
		Map<String, Double> values = new LinkedHashMap<>();
		for (Indicator indicator : model.indicators()) {
			values.put(indicator.code(), indicator.measure().valueOf(figures));
		}
		return score(model, values);
	}

	/** Scores given raw values by indicator code (null or absent: not applicable). */
	public static ScoreCard score(IndicatorModel model, Map<String, Double> values) {
		double weights = 0;
		for (Indicator indicator : model.indicators()) {
			if (values.get(indicator.code()) != null) {
				weights += indicator.weight();
			}
		}
		int n = model.indicators().size();
		double[] scores = new double[n];
		double[] points = new double[n];
		double[] lost = new double[n];
		for (int i = 0; i < n; i++) {
			Indicator indicator = model.indicators().get(i);
			Double value = values.get(indicator.code());
			if (value == null) {
				continue;
			}
			scores[i] = indicator.scoreOf(value);
			points[i] = 100 * indicator.weight() / weights;
			lost[i] = points[i] * (100 - scores[i]) / 100;
		}
		List<ScoreCard.DimensionResult> dimensions = new ArrayList<>();
		double totalLost = 0;
		for (Dimension dimension : model.dimensions()) {
			double raw = 0;
			double weighted = 0;
			double dimensionWeights = 0;
			for (int i = 0; i < n; i++) {
				Indicator indicator = model.indicators().get(i);
				if (indicator.dimension().equals(dimension.code()) && values.get(indicator.code()) != null) {
					raw += lost[i];
					weighted += indicator.weight() * scores[i];
					dimensionWeights += indicator.weight();
				}
			}
			if (dimensionWeights == 0) {
				continue;
			}
			double capped = (dimension.maxDeduction() != null) ? Math.min(raw, dimension.maxDeduction()) : raw;
			if (capped < raw) {
				double factor = capped / raw;
				for (int i = 0; i < n; i++) {
					if (model.indicators().get(i).dimension().equals(dimension.code())) {
						lost[i] *= factor;
					}
				}
			}
			totalLost += capped;
			dimensions
				.add(new ScoreCard.DimensionResult(dimension, round(weighted / dimensionWeights, 1), round(capped, 2)));
		}
		List<ScoreCard.IndicatorResult> indicators = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Indicator indicator = model.indicators().get(i);
			Double value = values.get(indicator.code());
			double share = (totalLost > 0) ? 100 * lost[i] / totalLost : 0;
			indicators.add(new ScoreCard.IndicatorResult(indicator, (value != null) ? round(value, 2) : null,
					(value != null) ? round(scores[i], 1) : null, round(points[i], 2), round(lost[i], 2),
					round(share, 1)));
		}
		double total = round(Math.max(0, 100 - totalLost), 1);
		return new ScoreCard(total, model.bandOf(total), List.copyOf(dimensions), List.copyOf(indicators));
	}

	/** Half-up rounding to the given decimals, on the decimal value. */
	public static double round(double value, int decimals) {
		return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
	}

}
