package org.oversight.analytics.indicator;

/** The grade a score falls into, healthiest first. */
public enum Grade {

	GREEN("绿色"), YELLOW("黄色"), ORANGE("橙色"), RED("红色");

	private final String label;

	Grade(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
