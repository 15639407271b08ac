package org.oversight.analytics.render;

/**
 * A rendered report, ready to be downloaded.
 *
 * @param content the document's bytes
 * @param format its format
 * @param fileName an ASCII file name, e.g. {@code ecology-report-P01-C01-2025.pdf}
 * @param title the Chinese title, e.g. "昌湖市委2025年度政治生态分析研判报告" (for a {@code filename*} in
 * Content-Disposition)
 */
public record RenderedReport(byte[] content, ReportFormat format, String fileName, String title) {

	public String contentType() {
		return this.format.contentType();
	}

	/** The Chinese title with the format's extension. */
	public String titleFileName() {
		return this.title + "." + this.format.extension();
	}

}
