package org.oversight.analytics.indicator;

import java.util.List;

/**
 * How a principal's yearly risk profile is weighed: the points each factor adds (capped
 * per factor), and the grade bands of the total (0..100, higher is riskier).
 *
 * @param findings points per finding about the principal by severity (petitions excluded:
 * they have their own factor)
 * @param petitions points per petition about the principal
 * @param overdueTasks points per overdue task of the principal's organization
 * @param missingSupervisionTalk points when no ancestor principal held a supervision talk
 * with them in the year
 * @param longTenure points for more than {@code years} in one post without rotation
 * @param interference points per interference record of theirs
 * @param grades the bands, each with the lowest score (inclusive) that falls in it
 */
public record RiskModel(FindingsRule findings, CountRule petitions, CountRule overdueTasks,
		double missingSupervisionTalk, TenureRule longTenure, CountRule interference, List<Band> grades) {

	public RiskModel {
		grades = (grades != null) ? List.copyOf(grades) : List.of();
	}

	/** Points per finding by severity, at most {@code cap} in all. */
	public record FindingsRule(double earlySign, double general, double serious, double cap) {

	}

	/** Points per item, at most {@code cap} in all. */
	public record CountRule(double perItem, double cap) {

		public double points(long count) {
			return Math.min(this.cap, count * this.perItem);
		}

	}

	/**
	 * {@code base} points once a post is held for more than {@code years} years, plus
	 * {@code perExtraYear} for each full year beyond, at most {@code cap}.
	 */
	public record TenureRule(int years, double base, double perExtraYear, double cap) {

		/** Points for a post held from {@code start} up to {@code day}. */
		public double points(java.time.LocalDate start, java.time.LocalDate day) {
			if (!start.plusYears(this.years).isBefore(day)) {
				return 0;
			}
			int fullYears = java.time.Period.between(start, day).getYears();
			return Math.min(this.cap, this.base + Math.max(0, fullYears - this.years) * this.perExtraYear);
		}

	}

	/** A risk grade from {@code minScore} (inclusive) up. */
	public record Band(Grade grade, double minScore) {

	}

	/** The grade of a risk score: the band with the highest minimum not above it. */
	public Grade gradeOf(double score) {
		return this.grades.stream()
			.filter((band) -> score >= band.minScore())
			.max(java.util.Comparator.comparingDouble(Band::minScore))
			.map(Band::grade)
			.orElse(Grade.GREEN);
	}

	void validate() {
		Indicator.require(this.findings != null && this.petitions != null && this.overdueTasks != null
				&& this.longTenure != null && this.interference != null, "risk: every factor must be configured");
		Indicator.require(
				this.grades.size() == Grade.values().length
						&& this.grades.stream().map(Band::grade).distinct().count() == Grade.values().length,
				"risk: one band per grade");
		Indicator.require(this.grades.stream().anyMatch((band) -> band.minScore() <= 0),
				"risk: the lowest band must start at 0");
	}

}
