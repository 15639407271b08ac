package org.oversight.core.finding;

/** Where a finding came from. */
public enum FindingSource {

	INSPECTION_TOUR("巡视"), INSPECTION("巡察"), AUDIT("审计"), PETITION("信访举报"), DEMOCRATIC_LIFE_MEETING("民主生活会"),
	DAILY_SUPERVISION("日常监督"), INVESTIGATION("审查调查"), SELF_CHECK("自查");

	private final String label;

	FindingSource(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
