package org.oversight.analytics.indicator;

import java.util.List;

import org.oversight.core.talk.TalkKind;

/**
 * A grade with the lowest total score that earns it and the follow-ups it triggers.
 *
 * @param grade the grade
 * @param minScore the lowest score (inclusive) in this grade
 * @param label the Chinese label, e.g. "绿色（良好）"
 * @param followUps what an organization in this grade must do next
 */
public record GradeBand(Grade grade, double minScore, String label, List<FollowUpRule> followUps) {

	public GradeBand {
		followUps = (followUps != null) ? List.copyOf(followUps) : List.of();
	}

	/**
	 * A follow-up a grade triggers, stored on the report for the scheduler to act on.
	 *
	 * @param code stable code (e.g. REMINDER_TALK)
	 * @param label what is to be done, in Chinese
	 * @param talkKind the talk the principal of the organization is to receive, if the
	 * follow-up is a talk obligation; null otherwise
	 */
	public record FollowUpRule(String code, String label, TalkKind talkKind) {

	}

}
