package org.oversight.scheduler.obligation;

/** Where a talk obligation stands. */
public enum ObligationStatus {

	/** Owed: the talk has not been held yet. */
	OPEN("待谈话"),
	/** The talk was held ({@link Obligation#fulfilledByTalkId()}). */
	FULFILLED("已谈话"),
	/**
	 * No longer owed by this owner without the talk being held: the subject left the post
	 * or the team, or someone else became the one who owes it.
	 */
	WITHDRAWN("已撤销");

	private final String label;

	ObligationStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
