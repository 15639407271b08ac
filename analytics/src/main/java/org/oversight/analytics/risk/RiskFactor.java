package org.oversight.analytics.risk;

/**
 * One weighted factor of a risk profile.
 *
 * @param code stable code: FINDINGS, PETITIONS, OVERDUE_TASKS, MISSING_SUPERVISION_TALK,
 * LONG_TENURE or INTERFERENCE
 * @param description what was found, in plain Chinese, with its figures
 * @param weight the points it adds to the score
 */
public record RiskFactor(String code, String description, double weight) {

}
