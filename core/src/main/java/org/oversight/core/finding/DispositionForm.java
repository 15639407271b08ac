package org.oversight.core.finding;

/** The "four forms" (四种形态) of disposition. */
public enum DispositionForm {

	FIRST("第一种形态"), SECOND("第二种形态"), THIRD("第三种形态"), FOURTH("第四种形态");

	private final String label;

	DispositionForm(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
