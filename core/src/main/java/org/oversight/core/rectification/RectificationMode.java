package org.oversight.core.rectification;

/** How a problem is rectified. */
public enum RectificationMode {

	IMMEDIATE("立行立改"), DEADLINE("限期整改"), ESCALATED("提级整改");

	private final String label;

	RectificationMode(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
