package org.oversight.core.job;

/** Where a job run stands. */
public enum JobState {

	RUNNING("运行中"), SUCCEEDED("成功"), FAILED("失败");

	private final String label;

	JobState(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
