package org.oversight.core.talk;

/** The kinds of talk (谈话). */
public enum TalkKind {

	APPOINTMENT("任职谈话"), SUPERVISION("监督谈话"), HEART_TO_HEART("谈心谈话"), INTEGRITY("廉政谈话"), REMINDER("提醒谈话"),
	ADMONITION("诫勉"), INQUIRY_LETTER("函询"), SUMMONS("约谈");

	private final String label;

	TalkKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
