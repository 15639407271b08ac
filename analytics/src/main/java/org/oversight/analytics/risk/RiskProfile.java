package org.oversight.analytics.risk;

import java.util.List;

import org.oversight.analytics.indicator.Grade;

/**
 * A principal's risk profile (廉政风险画像) for a year: the factors found, each weighted by the
 * model, their sum (at most 100; higher is riskier) and its grade. Never to be shown to
 * an account linked to that cadre (recusal).
 *
 * @param cadreId the principal
 * @param year the year
 * @param organizationId the organization of the principal post the profile looks at
 * @param score the sum of the factors' weights, 0..100
 * @param grade the grade of the score (GREEN lowest risk)
 * @param factors the factors that add to the score, heaviest first
 */
public record RiskProfile(String cadreId, int year, String organizationId, double score, Grade grade,
		List<RiskFactor> factors) {

	public RiskProfile {
		factors = List.copyOf(factors);
	}

}
