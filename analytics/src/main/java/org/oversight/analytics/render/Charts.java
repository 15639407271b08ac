package org.oversight.analytics.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import org.oversight.analytics.report.EcologyReport;

/**
 * The report's charts, drawn by JFreeChart with the shipped CJK font and encoded as PNG
 * at twice the drawn size (sharp in print): dimension scores, the score over the years
 * and the comparison with peers.
 */
final class Charts {

	static final Color BLUE = new Color(0x1F, 0x5F, 0xA8);

	static final Color GREY = new Color(0xA9, 0xB4, 0xC2);

	private static final int SCALE = 2;

	private Charts() {
	}

	/** A chart as PNG: width and height in drawing units (1/72 inch). */
	record Png(byte[] bytes, int width, int height) {
	}

	static Png dimensions(EcologyReport report) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (EcologyReport.DimensionScore dimension : report.dimensions()) {
			data.addValue(dimension.score(), "得分", dimension.dimension());
		}
		JFreeChart chart = bars("各维度得分", data, null);
		return png(chart, 480, 56 + 26 * Math.max(1, report.dimensions().size()));
	}

	static Png trend(List<EcologyReport> history) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (EcologyReport report : history) {
			data.addValue(report.score(), "综合得分", report.year() + "年");
		}
		JFreeChart chart = new JFreeChart("历年综合得分", null,
				new CategoryPlot(data, new CategoryAxis(), scoreAxis(), new LineAndShapeRenderer(true, true)), false);
		theme().apply(chart);
		CategoryPlot plot = chart.getCategoryPlot();
		LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
		renderer.setSeriesPaint(0, BLUE);
		renderer.setSeriesStroke(0, new BasicStroke(2.5f));
		renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.#")));
		renderer.setDefaultItemLabelsVisible(true);
		renderer.setDefaultItemLabelFont(font(Font.PLAIN, 11));
		style(plot);
		return png(chart, 480, 190);
	}

	/** The peers' scores, best first, this organization highlighted. */
	static Png peers(EcologyReport report, List<EcologyReport> peers) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (EcologyReport peer : peers) {
			data.addValue(peer.score(), "综合得分", label(peer));
		}
		String own = label(report);
		int total = (report.peerCount() != null) ? report.peerCount() : peers.size();
		String title = (peers.size() < total) ? "同级单位比较（可见" + peers.size() + "个，共" + total + "个）"
				: "同级单位比较（共" + total + "个）";
		JFreeChart chart = bars(title, data, own);
		return png(chart, 480, 70 + 26 * Math.max(1, peers.size()));
	}

	private static String label(EcologyReport report) {
		String name = report.organizationName();
		return (name.length() > 16) ? name.substring(0, 15) + "…" : name;
	}

	/**
	 * Horizontal bars with their values at their ends; {@code highlight} in blue, others
	 * grey.
	 */
	private static JFreeChart bars(String title, DefaultCategoryDataset data, String highlight) {
		BarRenderer renderer = new BarRenderer() {
			@Override
			public Paint getItemPaint(int row, int column) {
				if (highlight == null) {
					return BLUE;
				}
				return highlight.equals(data.getColumnKey(column)) ? BLUE : GREY;
			}
		};
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setItemMargin(0);
		renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.#")));
		renderer.setDefaultItemLabelsVisible(true);
		renderer.setDefaultPositiveItemLabelPosition(
				new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
		renderer.setItemLabelAnchorOffset(4);
		CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), scoreAxis(), renderer);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
		JFreeChart chart = new JFreeChart(title, null, plot, false);
		theme().apply(chart);
		renderer.setDefaultItemLabelFont(font(Font.PLAIN, 11));
		style(plot);
		plot.getDomainAxis().setCategoryMargin(0.35);
		return chart;
	}

	private static NumberAxis scoreAxis() {
		NumberAxis axis = new NumberAxis("分");
		axis.setRange(0, 112);
		axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(20));
		return axis;
	}

	private static void style(CategoryPlot plot) {
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
		plot.setOutlineVisible(false);
		plot.setInsets(new RectangleInsets(4, 4, 4, 12));
		plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
	}

	private static StandardChartTheme theme() {
		StandardChartTheme theme = new StandardChartTheme("oversight");
		theme.setExtraLargeFont(font(Font.BOLD, 15));
		theme.setLargeFont(font(Font.PLAIN, 13));
		theme.setRegularFont(font(Font.PLAIN, 12));
		theme.setSmallFont(font(Font.PLAIN, 11));
		theme.setChartBackgroundPaint(Color.WHITE);
		theme.setPlotBackgroundPaint(Color.WHITE);
		return theme;
	}

	private static Font font(int style, float size) {
		return ReportFont.get().awt(style, size);
	}

	private static Png png(JFreeChart chart, int width, int height) {
		try {
			byte[] bytes = ChartUtils
				.encodeAsPNG(chart.createBufferedImage(width * SCALE, height * SCALE, width, height, null));
			return new Png(bytes, width, height);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot encode a chart", ex);
		}
	}

}
