package org.oversight.core.rectification;

/** Where a rectification task stands. */
public enum RectificationStatus {

	ASSIGNED("已交办"), IN_PROGRESS("整改中"), SUBMITTED("已报送整改报告"), VERIFIED("已验收销号");

	private final String label;

	RectificationStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
