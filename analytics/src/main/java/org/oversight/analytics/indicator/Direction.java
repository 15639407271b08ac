package org.oversight.analytics.indicator;

/** Which way an indicator's raw value is healthier. */
public enum Direction {

	HIGHER_IS_BETTER("越高越好"), LOWER_IS_BETTER("越低越好");

	private final String label;

	Direction(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
