package org.oversight.api.viewer;

/** The roles of the contract and what each may do. */
public enum Role {

	/** Everything, including accounts and running jobs. */
	ADMIN("系统管理员"),
	/** Talks, findings, rectifications, sweeps. */
	INSPECTOR("纪检监察人员"),
	/**
	 * Organizations, cadres, appointments, supervision, talks, meetings, interference
	 * records.
	 */
	ORGANIZATION("组织人事人员"),
	/** Read everything in scope, generate reports. */
	ANALYST("分析人员"),
	/** Read everything in scope. */
	VIEWER("只读人员"),
	/** In addition to another role: read Finding.informant. */
	INFORMANT_ACCESS("可查看举报人");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
