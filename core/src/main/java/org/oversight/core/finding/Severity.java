package org.oversight.core.finding;

/** How serious a finding is, mildest first. */
public enum Severity {

	EARLY_SIGN("苗头性倾向性问题"), GENERAL("一般问题"), SERIOUS("严重问题");

	private final String label;

	Severity(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
