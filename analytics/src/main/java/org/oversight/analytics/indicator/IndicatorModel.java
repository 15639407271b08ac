package org.oversight.analytics.indicator;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.oversight.core.organization.OrgKind;

/**
 * The analytics model read from YAML ({@code oversight/indicators.yml} in this module, or
 * the file named by {@code oversight.analytics.indicators}): dimensions, indicators with
 * their fixed scales, grade bands with their follow-ups, and the risk model.
 *
 * @param dimensions the dimensions, in report order
 * @param indicators the indicators, in report order
 * @param grades one band per grade
 * @param problemThreshold indicators scoring below this are listed as problems to rectify
 * @param meetingKinds the kinds of organization whose leadership team must hold a
 * democratic life meeting every year
 * @param risk the risk-profile model
 */
public record IndicatorModel(List<Dimension> dimensions, List<Indicator> indicators, List<GradeBand> grades,
		double problemThreshold, Set<OrgKind> meetingKinds, RiskModel risk) {

	public IndicatorModel {
		dimensions = List.copyOf(dimensions);
		indicators = List.copyOf(indicators);
		grades = grades.stream().sorted(Comparator.comparingDouble(GradeBand::minScore).reversed()).toList();
		meetingKinds = (meetingKinds != null) ? Set.copyOf(meetingKinds) : Set.of();
		validate(dimensions, indicators, grades);
		if (risk != null) {
			risk.validate();
		}
	}

	private static void validate(List<Dimension> dimensions, List<Indicator> indicators, List<GradeBand> grades) {
		Indicator.require(!dimensions.isEmpty(), "at least one dimension is required");
		Indicator.require(!indicators.isEmpty(), "at least one indicator is required");
		Set<String> dimensionCodes = new HashSet<>();
		for (Dimension dimension : dimensions) {
			Indicator.require(dimension.code() != null && dimensionCodes.add(dimension.code()),
					"dimension codes must be given and unique: " + dimension.code());
			Indicator.require(dimension.name() != null && !dimension.name().isBlank(),
					"dimension " + dimension.code() + " needs a name");
			Indicator.require(dimension.maxDeduction() == null || dimension.maxDeduction() >= 0,
					"dimension " + dimension.code() + ": max-deduction must not be negative");
		}
		Set<String> codes = new HashSet<>();
		for (Indicator indicator : indicators) {
			indicator.validate();
			Indicator.require(codes.add(indicator.code()), "indicator codes must be unique: " + indicator.code());
			Indicator.require(dimensionCodes.contains(indicator.dimension()),
					"indicator " + indicator.code() + " names an unknown dimension " + indicator.dimension());
		}
		Indicator.require(
				grades.size() == Grade.values().length
						&& grades.stream().map(GradeBand::grade).distinct().count() == Grade.values().length,
				"one band per grade (GREEN, YELLOW, ORANGE, RED)");
		Indicator.require(grades.get(grades.size() - 1).minScore() <= 0, "the lowest grade band must start at 0");
		for (int i = 1; i < grades.size(); i++) {
			Indicator.require(grades.get(i - 1).grade().ordinal() < grades.get(i).grade().ordinal(),
					"grade bands must go from GREEN (highest scores) down to RED");
		}
	}

	/** The band a (rounded) total score falls in. */
	public GradeBand bandOf(double score) {
		for (GradeBand band : this.grades) {
			if (score >= band.minScore()) {
				return band;
			}
		}
		return this.grades.get(this.grades.size() - 1);
	}

	public GradeBand band(Grade grade) {
		return this.grades.stream().filter((band) -> band.grade() == grade).findFirst().orElseThrow();
	}

	public Optional<Indicator> indicator(String code) {
		return this.indicators.stream().filter((indicator) -> indicator.code().equals(code)).findFirst();
	}

	public Dimension dimension(String code) {
		return this.dimensions.stream().filter((d) -> d.code().equals(code)).findFirst().orElseThrow();
	}

	/** The Chinese name of a dimension given by code or name (names pass through). */
	public String dimensionName(String codeOrName) {
		return this.dimensions.stream()
			.filter((d) -> d.code().equals(codeOrName))
			.map(Dimension::name)
			.findFirst()
			.orElse(codeOrName);
	}

}
