package org.oversight.core.organization;

/** The kind of an organization. */
public enum OrgKind {

	PARTY_COMMITTEE("党委"), PARTY_GROUP("党组"), DISCIPLINE_COMMISSION("纪委监委"), GOVERNMENT("政府"), DEPARTMENT("部门"),
	TOWNSHIP("乡镇街道"), COMMUNITY("村社区"), ENTERPRISE("企业"), INSTITUTION("事业单位");

	private final String label;

	OrgKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
