package org.oversight.core.supervision;

/** Why one cadre supervises another, in the order lists show them. */
public enum SupervisionKind {

	UPPER_PRINCIPAL("上级一把手监督下级一把手"), PRINCIPAL_OVER_TEAM("一把手监督班子成员"), DISCIPLINE_SECRETARY("纪委书记日常监督"),
	PEER("班子成员相互监督"), STATIONED("派驻监督"), ASSIGNED("指定监督");

	private final String label;

	SupervisionKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean stored() {
		return this == STATIONED || this == ASSIGNED;
	}

}
