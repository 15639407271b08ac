package org.oversight.core.rectification;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The escalation steps of the overdue sweep and the day of overdue from which each is due
 * ({@code oversight.escalation.*}). Defaults: a reminder letter from day 1, escalation to
 * the nearest ancestor principal from day 15, a summons from day 30.
 */
@ConfigurationProperties("oversight.escalation")
public record EscalationPolicy(@DefaultValue("1") int reminderLetterDays, @DefaultValue("15") int escalationDays,
		@DefaultValue("30") int summonsDays) {

	public EscalationPolicy {
		if (reminderLetterDays < 1 || escalationDays < reminderLetterDays || summonsDays < escalationDays) {
			throw new IllegalArgumentException("oversight.escalation days must be at least 1 and not decrease: "
					+ reminderLetterDays + ", " + escalationDays + ", " + summonsDays);
		}
	}

	public static EscalationPolicy defaults() {
		return new EscalationPolicy(1, 15, 30);
	}

	/** Each step with its day, in the order they are issued. */
	public Map<ReminderLevel, Integer> steps() {
		Map<ReminderLevel, Integer> steps = new LinkedHashMap<>();
		steps.put(ReminderLevel.REMINDER_LETTER, this.reminderLetterDays);
		steps.put(ReminderLevel.ESCALATION, this.escalationDays);
		steps.put(ReminderLevel.SUMMONS, this.summonsDays);
		return steps;
	}

}
