package org.oversight.core.finding;

/** What kind of problem a finding is. */
public enum FindingCategory {

	POLITICAL_DISCIPLINE("政治纪律"), DEMOCRATIC_CENTRALISM("民主集中制"), INTEGRITY("廉洁"), WORK_STYLE("作风"), PERSONNEL("选人用人"),
	MASS_DISCIPLINE("群众纪律"), RESPONSIBILITY("主体责任"), FAMILY_BUSINESS("亲属经商办企业"), OTHER("其他");

	private final String label;

	FindingCategory(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
