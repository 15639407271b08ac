package org.oversight.core.rectification;

/** The escalation steps of the overdue sweep, in order. */
public enum ReminderLevel {

	REMINDER_LETTER("提醒督办函"), ESCALATION("提级督办"), SUMMONS("约谈");

	private final String label;

	ReminderLevel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
