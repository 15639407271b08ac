package org.oversight.analytics.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Writes the report as a Word document with Apache POI: the same sections as the PDF, the
 * charts as pictures. Text is set in 宋体 (SimSun) for Chinese, the font every Chinese
 * office installation has; the charts carry the shipped font in their pixels.
 */
final class DocxWriter {

	static final String EAST_ASIAN_FONT = "宋体";

	static final String LATIN_FONT = "Times New Roman";

	private DocxWriter() {
	}

	static byte[] write(ReportView view) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			defaults(document);
			document.getProperties().getCoreProperties().setTitle(view.title());
			XWPFParagraph title = document.createParagraph();
			title.setAlignment(ParagraphAlignment.CENTER);
			run(title, view.title(), 18, true, "000000");
			XWPFParagraph subtitle = document.createParagraph();
			subtitle.setAlignment(ParagraphAlignment.CENTER);
			run(subtitle, view.subtitle(), 9, false, "555555");
			summary(document, view);
			picture(document, view.dimensionChart, "dimensions.png");
			heading(document, "一、分析研判");
			for (String text : view.paragraphs()) {
				XWPFParagraph paragraph = document.createParagraph();
				paragraph.setFirstLineIndent(420);
				paragraph.setAlignment(ParagraphAlignment.BOTH);
				run(paragraph, text, 10.5, false, null);
			}
			if (view.chartsHeading() != null) {
				heading(document, "二、" + view.chartsHeading());
				picture(document, view.trendChart, "trend.png");
				picture(document, view.peerChart, "peers.png");
			}
			heading(document, "三、指标明细");
			table(document, ReportView.INDICATOR_HEADER, view.indicatorRows());
			heading(document, "四、需优先整改的问题");
			list(document, view.report.problemsToRectify(), "各项指标均未低于整改提示线。");
			heading(document, "五、后续措施");
			list(document, view.followUps(), "本等级无须后续措施。");
			heading(document, "附：指标计算方法与评分标准");
			XWPFParagraph note = document.createParagraph();
			run(note, "评分只依据下列固定标准，不与其他组织相比；等级：" + view.gradeRule() + "。无数据（分母为零）的指标不计分，其权重按比例分配给其余指标。", 9, false,
					"444444");
			table(document, ReportView.METHOD_HEADER, view.methodRows());
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the Word document of " + view.title(), ex);
		}
	}

	private static void defaults(XWPFDocument document) {
		CTFonts fonts = CTFonts.Factory.newInstance();
		fonts.setEastAsia(EAST_ASIAN_FONT);
		fonts.setAscii(LATIN_FONT);
		fonts.setHAnsi(LATIN_FONT);
		document.createStyles().setDefaultFonts(fonts);
		CTSectPr section = document.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(1134));
		margins.setBottom(BigInteger.valueOf(1134));
		margins.setLeft(BigInteger.valueOf(1021));
		margins.setRight(BigInteger.valueOf(1021));
	}

	private static XWPFRun run(XWPFParagraph paragraph, String text, double size, boolean bold, String color) {
		XWPFRun run = paragraph.createRun();
		run.setText(text);
		run.setFontSize(size);
		run.setBold(bold);
		run.setFontFamily(EAST_ASIAN_FONT, XWPFRun.FontCharRange.eastAsia);
		run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
		run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
		if (color != null) {
			run.setColor(color);
		}
		return run;
	}

	private static void heading(XWPFDocument document, String text) {
		XWPFParagraph paragraph = document.createParagraph();
		paragraph.setSpacingBefore(240);
		paragraph.setKeepNext(true);
		run(paragraph, text, 13, true, "1F5FA8");
	}

	private static void summary(XWPFDocument document, ReportView view) {
		List<String[]> cells = view.summary();
		XWPFTable table = document.createTable(2, cells.size());
		table.setWidth("100%");
		for (int i = 0; i < cells.size(); i++) {
			cell(table.getRow(0).getCell(i), cells.get(i)[0], 9, false, "555555", "F4F7FB");
			String color = cells.get(i)[0].equals("等级") ? ReportView.gradeColor(view.report.grade()).substring(1)
					: null;
			cell(table.getRow(1).getCell(i), cells.get(i)[1], 13, true, color, "F4F7FB");
		}
	}

	private static void table(XWPFDocument document, String[] header, List<String[]> rows) {
		XWPFTable table = document.createTable(rows.size() + 1, header.length);
		table.setWidth("100%");
		XWPFTableRow first = table.getRow(0);
		first.setRepeatHeader(true);
		for (int i = 0; i < header.length; i++) {
			cell(first.getCell(i), header[i], 9, true, "FFFFFF", "1F5FA8");
		}
		for (int r = 0; r < rows.size(); r++) {
			XWPFTableRow row = table.getRow(r + 1);
			row.setCantSplitRow(true);
			for (int i = 0; i < header.length; i++) {
				cell(row.getCell(i), rows.get(r)[i], 9, false, null, null);
			}
		}
	}

	private static void cell(XWPFTableCell cell, String text, double size, boolean bold, String color, String fill) {
		XWPFParagraph paragraph = cell.getParagraphs().get(0);
		run(paragraph, text, size, bold, color);
		if (fill != null) {
			cell.setColor(fill);
		}
	}

	private static void list(XWPFDocument document, List<String> items, String empty) {
		if (items.isEmpty()) {
			run(document.createParagraph(), empty, 10.5, false, null);
			return;
		}
		int n = 1;
		for (String item : items) {
			XWPFParagraph paragraph = document.createParagraph();
			paragraph.setIndentationHanging(360);
			paragraph.setIndentationLeft(360);
			run(paragraph, (n++) + ". " + item, 10.5, false, null);
		}
	}

	private static void picture(XWPFDocument document, Charts.Png chart, String name) throws IOException {
		if (chart == null) {
			return;
		}
		XWPFParagraph paragraph = document.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		try {
			paragraph.createRun()
				.addPicture(new ByteArrayInputStream(chart.bytes()), PictureType.PNG, name, Units.toEMU(chart.width()),
						Units.toEMU(chart.height()));
		}
		catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException ex) {
			throw new IOException(ex);
		}
	}

}
