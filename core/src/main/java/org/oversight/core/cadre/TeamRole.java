package org.oversight.core.cadre;

/** The role a cadre holds in a leadership team, in the order a team is listed. */
public enum TeamRole {

	PRINCIPAL("一把手"), DISCIPLINE_SECRETARY("纪委书记/纪检组长"), DEPUTY("副职"), MEMBER("班子成员");

	private final String label;

	TeamRole(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Team order: PRINCIPAL, DISCIPLINE_SECRETARY, DEPUTY, MEMBER. */
	public int teamOrder() {
		return ordinal();
	}

}
