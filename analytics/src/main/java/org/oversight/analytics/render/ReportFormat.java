package org.oversight.analytics.render;

/** The formats a report can be rendered in. */
public enum ReportFormat {

	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	PDF("application/pdf", "pdf");

	private final String contentType;

	private final String extension;

	ReportFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return this.contentType;
	}

	public String extension() {
		return this.extension;
	}

}
