package org.oversight.core.organization;

/** The level of an organization in the administrative hierarchy, top first. */
public enum OrgLevel {

	PROVINCE("省级"), CITY("市级"), COUNTY("县级"), TOWNSHIP("乡镇级"), VILLAGE("村级");

	private final String label;

	OrgLevel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** A child sits at the same level as its parent (a department) or below it. */
	public boolean mayHoldChildAt(OrgLevel child) {
		return child.ordinal() >= ordinal();
	}

}
