package org.oversight.core.finding;

/** Where a finding stands. */
public enum FindingStatus {

	OPEN("待整改"), UNDER_RECTIFICATION("整改中"), RECTIFIED("已整改"), DISMISSED("已澄清");

	private final String label;

	FindingStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
