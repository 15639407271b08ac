package org.oversight.analytics.render;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.oversight.analytics.indicator.Figures;
import org.oversight.analytics.indicator.IndicatorModel;
import org.oversight.analytics.indicator.IndicatorModelLoader;
import org.oversight.analytics.report.EcologyReport;
import org.oversight.analytics.report.SampleReports;

import static org.assertj.core.api.Assertions.assertThat;

/** Renders a hand-made report in both formats and reads the documents back. */
class ReportRendererTests {

	static final String NAME = "石口县委";

	static IndicatorModel model = IndicatorModelLoader.defaults();

	static ReportView view;

	@BeforeAll
	static void view() {
		Figures figures = Figures.builder()
			.organizations(20)
			.cadres(120)
			.findings(9)
			.generalFindings(6)
			.seriousFindings(3)
			.principalFindings(2)
			.disposedFindings(8)
			.firstForm(5)
			.secondForm(3)
			.dueTasks(10)
			.dueTasksOnTime(7)
			.tasksInHand(4)
			.overdueTasks(2)
			.overdueDays(60)
			.tasksInYear(12)
			.principals(18)
			.principalsWithSupervisionTalk(12)
			.teams(4)
			.teamsWithMeeting(3)
			.meetings(3)
			.build();
		EcologyReport y2024 = SampleReports.county(model, NAME, 2024, figures.toBuilder().overdueTasks(0).build(),
				null);
		EcologyReport report = SampleReports.county(model, NAME, 2025, figures, y2024.score());
		List<EcologyReport> peers = SampleReports.peers(model, report, figures);
		EcologyReport ranked = peers.get(0);
		view = new ReportView(ranked, List.of(y2024, ranked), peers, model, ZoneId.of("Asia/Shanghai"));
	}

	@Test
	void thePdfHoldsTheChineseTextInAnEmbeddedCjkFont() throws IOException {
		RenderedReport pdf = ReportRenderer.render(view, ReportFormat.PDF);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(pdf.fileName()).isEqualTo("ecology-report-X01-2025.pdf");
		assertThat(pdf.titleFileName()).isEqualTo(NAME + "2025年度政治生态分析研判报告.pdf");
		try (PDDocument document = Loader.loadPDF(pdf.content())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(NAME + "2025年度政治生态分析研判报告")
				.contains("分析研判")
				.contains("需优先整改的问题")
				.contains("一把手监督谈话覆盖率");
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo(NAME + "2025年度政治生态分析研判报告");
			PDFTextStripper lastPage = new PDFTextStripper();
			lastPage.setStartPage(document.getNumberOfPages());
			lastPage.setEndPage(document.getNumberOfPages());
			assertThat(lastPage.getText(document).replaceAll("\\s", "")).as("no blank last page")
				.doesNotMatch("第\\d+页/共\\d+页");
			List<PDFont> fonts = new ArrayList<>();
			for (PDPage page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					fonts.add(page.getResources().getFont(name));
				}
			}
			assertThat(fonts).isNotEmpty().allSatisfy((font) -> {
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				assertThat(font.getName()).contains("WenQuanYi");
				assertThat(font).isInstanceOf(PDType0Font.class);
				assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
			});
		}
	}

	@Test
	void theWordDocumentHoldsTheSameSectionsAndTheCharts() throws IOException {
		RenderedReport docx = ReportRenderer.render(view, ReportFormat.DOCX);
		assertThat(docx.fileName()).endsWith(".docx");
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.content()));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			String text = extractor.getText();
			assertThat(text).contains(NAME + "2025年度政治生态分析研判报告")
				.contains("一、分析研判")
				.contains(view.report.narrative().split("\n\n")[0])
				.contains("三、指标明细")
				.contains("整改按期完成率");
			assertThat(document.getAllPictures()).hasSize(3);
			assertThat(document.getProperties().getCoreProperties().getTitle()).contains(NAME);
		}
	}

	@Test
	void chartsAreDrawnWithAFontThatHasTheChineseGlyphs() throws IOException {
		Font font = ReportFont.get().awt(Font.PLAIN, 12);
		assertThat(font.getFamily(java.util.Locale.ROOT)).isEqualTo(ReportFont.FAMILY);
		assertThat(font.canDisplayUpTo("各维度得分历年综合得分同级单位比较石口县委一把手监督")).isEqualTo(-1);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(view.dimensionChart.bytes()));
		assertThat(image.getWidth()).isEqualTo(view.dimensionChart.width() * 2);
		assertThat(view.trendChart).isNotNull();
		assertThat(view.peerChart).isNotNull();
	}

	@Test
	void aReportWithoutHistoryOrPeersHasOnlyItsDimensionChart() {
		ReportView alone = new ReportView(view.report, List.of(), List.of(view.report), model, ZoneId.of("UTC"));
		assertThat(alone.trendChart).isNull();
		assertThat(alone.peerChart).isNull();
		assertThat(ReportRenderer.render(alone, ReportFormat.PDF).content()).isNotEmpty();
	}

}
