package org.oversight.analytics.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * Lays the report out as XHTML with CSS and prints it to PDF with openhtmltopdf (on
 * Apache PDFBox), which embeds the subset of the shipped CJK font the document uses.
 */
final class PdfWriter {

	static {
		XRLog.listRegisteredLoggers().forEach((name) -> XRLog.setLevel(name, Level.WARNING));
	}

	private PdfWriter() {
	}

	static byte[] write(ReportView view) {
		ReportFont font = ReportFont.get();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.useFont(font::stream, ReportFont.FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.useFont(font::stream, ReportFont.FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.withHtmlContent(html(view), null);
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render the PDF of " + view.title(), ex);
		}
		return out.toByteArray();
	}

	static String html(ReportView view) {
		StringBuilder html = new StringBuilder(16_384);
		html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/>")
			.append("<title>")
			.append(escape(view.title()))
			.append("</title><style>")
			.append(css())
			.append("</style></head><body>");
		html.append("<h1>").append(escape(view.title())).append("</h1>");
		html.append("<p class=\"subtitle\">").append(escape(view.subtitle())).append("</p>");
		html.append("<table class=\"summary\"><tr>");
		for (String[] cell : view.summary()) {
			html.append("<td><div class=\"label\">").append(escape(cell[0])).append("</div><div class=\"value\"");
			if (cell[0].equals("等级")) {
				html.append(" style=\"color:").append(ReportView.gradeColor(view.report.grade())).append("\"");
			}
			html.append(">").append(escape(cell[1])).append("</div></td>");
		}
		html.append("</tr></table>");
		image(html, view.dimensionChart);
		html.append("<h2>一、分析研判</h2>");
		for (String paragraph : view.paragraphs()) {
			html.append("<p class=\"text\">").append(escape(paragraph)).append("</p>");
		}
		if (view.chartsHeading() != null) {
			html.append("<h2>二、").append(view.chartsHeading()).append("</h2>");
			image(html, view.trendChart);
			image(html, view.peerChart);
		}
		html.append("<h2>三、指标明细</h2>");
		table(html, ReportView.INDICATOR_HEADER, view.indicatorRows(), "indicators");
		html.append("<h2>四、需优先整改的问题</h2>");
		list(html, view.report.problemsToRectify(), "ol", "各项指标均未低于整改提示线。");
		html.append("<h2>五、后续措施</h2>");
		list(html, view.followUps(), "ul", "本等级无须后续措施。");
		html.append("<h2>附：指标计算方法与评分标准</h2>");
		html.append("<p class=\"note\">")
			.append(escape("评分只依据下列固定标准，不与其他组织相比；等级：" + view.gradeRule() + "。无数据（分母为零）的指标不计分，其权重按比例分配给其余指标。"))
			.append("</p>");
		table(html, ReportView.METHOD_HEADER, view.methodRows(), "methods");
		html.append("</body></html>");
		return html.toString();
	}

	private static void image(StringBuilder html, Charts.Png chart) {
		if (chart == null) {
			return;
		}
		html.append("<div class=\"chart\"><img src=\"data:image/png;base64,")
			.append(Base64.getEncoder().encodeToString(chart.bytes()))
			.append("\" style=\"width:")
			.append(String.format(java.util.Locale.ROOT, "%.1f", chart.width() * 25.4 / 72))
			.append("mm\"/></div>");
	}

	private static void table(StringBuilder html, String[] header, List<String[]> rows, String css) {
		html.append("<table class=\"grid ").append(css).append("\"><thead><tr>");
		for (String cell : header) {
			html.append("<th>").append(escape(cell)).append("</th>");
		}
		html.append("</tr></thead><tbody>");
		for (String[] row : rows) {
			html.append("<tr>");
			for (String cell : row) {
				html.append("<td>").append(escape(cell)).append("</td>");
			}
			html.append("</tr>");
		}
		html.append("</tbody></table>");
	}

	private static void list(StringBuilder html, List<String> items, String tag, String empty) {
		if (items.isEmpty()) {
			html.append("<p class=\"text\">").append(escape(empty)).append("</p>");
			return;
		}
		html.append("<").append(tag).append(">");
		for (String item : items) {
			html.append("<li>").append(escape(item)).append("</li>");
		}
		html.append("</").append(tag).append(">");
	}

	private static String css() {
		String family = "'" + ReportFont.FAMILY + "'";
		return "@page { size: A4; margin: 20mm 18mm 18mm 18mm;"
				+ " @bottom-center { content: '第 ' counter(page) ' 页 / 共 ' counter(pages) ' 页'; font-family: " + family
				+ "; font-size: 8pt; color: #666; } }" + " body { margin: 0; font-family: " + family
				+ "; font-size: 10.5pt; line-height: 1.6; color: #222; }"
				+ " h1 { font-size: 17pt; text-align: center; margin: 0 0 2mm 0; font-weight: bold; }"
				+ " h2 { font-size: 12.5pt; margin: 6mm 0 2mm 0; padding-bottom: 1mm; border-bottom: 0.6pt solid #1F5FA8;"
				+ " color: #1F5FA8; font-weight: bold; page-break-after: avoid; }"
				+ " .subtitle { text-align: center; color: #555; font-size: 9pt; margin: 0 0 4mm 0; }"
				+ " table.summary { width: 100%; border-collapse: collapse; margin-bottom: 2mm; }"
				+ " table.summary td { width: 25%; text-align: center; border: 0.6pt solid #C5D3E8; padding: 2mm; background: #F4F7FB; }"
				+ " .label { font-size: 8.5pt; color: #555; } .value { font-size: 13pt; font-weight: bold; }"
				+ " p.text { text-indent: 2em; margin: 0 0 2mm 0; text-align: justify; }"
				+ " p.note { font-size: 8.5pt; color: #444; margin: 0 0 2mm 0; }"
				+ " .chart { text-align: center; margin: 2mm 0; page-break-inside: avoid; }"
				+ " table.grid { width: 100%; border-collapse: collapse; font-size: 8.5pt; -fs-table-paginate: paginate; }"
				+ " table.grid th { background: #1F5FA8; color: white; padding: 1.2mm; border: 0.5pt solid #1F5FA8; }"
				+ " table.grid td { border: 0.5pt solid #C5D3E8; padding: 1.2mm; }"
				+ " table.grid tr { page-break-inside: avoid; }"
				+ " table.indicators td { text-align: right; } table.indicators td:nth-child(1), table.indicators td:nth-child(2) { text-align: left; }"
				+ " table.methods td { font-size: 8pt; }" + " li { margin-bottom: 1.5mm; }";
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
