package org.oversight.core.rectification;

/** What can happen to a task. */
public enum RectificationEventKind {

	ASSIGNED("交办"), PROGRESS("报告进展"), SUBMITTED("报送整改报告"), REJECTED("退回重改"), VERIFIED("验收销号"), DEADLINE_EXTENDED("延期"),
	REASSIGNED("改派"), REMINDER("督办");

	private final String label;

	RectificationEventKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
