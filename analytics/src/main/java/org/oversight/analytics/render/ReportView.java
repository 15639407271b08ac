package org.oversight.analytics.render;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.oversight.analytics.indicator.Grade;
import org.oversight.analytics.indicator.Indicator;
import org.oversight.analytics.indicator.IndicatorModel;
import org.oversight.analytics.report.EcologyReport;

/**
 * Everything one rendered document shows, in the words and numbers both formats print:
 * the report, its history (for the trend) and its peers (for the comparison), with the
 * charts drawn once.
 */
final class ReportView {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	final EcologyReport report;

	final List<EcologyReport> history;

	final List<EcologyReport> peers;

	final IndicatorModel model;

	final ZoneId zone;

	final Charts.Png dimensionChart;

	final Charts.Png trendChart;

	final Charts.Png peerChart;

	ReportView(EcologyReport report, List<EcologyReport> history, List<EcologyReport> peers, IndicatorModel model,
			ZoneId zone) {
		this.report = report;
		this.history = history;
		this.peers = peers;
		this.model = model;
		this.zone = zone;
		this.dimensionChart = report.dimensions().isEmpty() ? null : Charts.dimensions(report);
		this.trendChart = history.isEmpty() ? null : Charts.trend(history);
		this.peerChart = (peers.size() > 1) ? Charts.peers(report, peers) : null;
	}

	/** The heading of the trend and peer charts; null when there is neither. */
	String chartsHeading() {
		if (this.trendChart != null && this.peerChart != null) {
			return "历年趋势与同级比较";
		}
		if (this.trendChart != null) {
			return "历年趋势";
		}
		return (this.peerChart != null) ? "同级比较" : null;
	}

	String title() {
		return this.report.organizationName() + this.report.year() + "年度政治生态分析研判报告";
	}

	String fileName(ReportFormat format) {
		return "ecology-report-" + this.report.organizationCode().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
				+ this.report.year() + "." + format.extension();
	}

	String subtitle() {
		return "评价基准日：" + DAY.format(this.report.referenceDay()) + "　　生成时间："
				+ TIME.format(this.report.generatedAt().atZone(this.zone));
	}

	List<String> paragraphs() {
		return List.of(this.report.narrative().split("\n\n"));
	}

	/** The summary cells: label and value. */
	List<String[]> summary() {
		List<String[]> cells = new ArrayList<>();
		cells.add(new String[] { "综合得分", number(this.report.score()) + "分" });
		cells.add(new String[] { "等级", this.report.gradeLabel() });
		cells.add(new String[] { "同级排名", (this.report.rankAmongPeers() != null)
				? "第" + this.report.rankAmongPeers() + "位（共" + this.report.peerCount() + "个）" : "—" });
		String previous = "—";
		if (this.report.previousScore() != null) {
			double change = this.report.change();
			previous = number(this.report.previousScore()) + "分（" + ((change > 0) ? "+" : "") + number(change) + "）";
		}
		cells.add(new String[] { "上年得分（变化）", previous });
		return cells;
	}

	static final String[] INDICATOR_HEADER = { "维度", "指标", "数值", "得分", "权重", "失分", "失分占比" };

	List<String[]> indicatorRows() {
		List<String[]> rows = new ArrayList<>();
		for (EcologyReport.IndicatorValue indicator : this.report.indicators()) {
			if (indicator.applicable()) {
				rows.add(new String[] { indicator.dimension(), indicator.name(),
						number(indicator.value(), 2) + indicator.unit(), number(indicator.score()),
						number(indicator.weight()), number(indicator.lostPoints(), 2),
						number(indicator.lostShare()) + "%" });
			}
			else {
				rows.add(new String[] { indicator.dimension(), indicator.name(), "无数据", "—", number(indicator.weight()),
						"—", "—" });
			}
		}
		return rows;
	}

	static final String[] METHOD_HEADER = { "指标", "计算方法", "评分标准（数值→得分）" };

	List<String[]> methodRows() {
		List<String[]> rows = new ArrayList<>();
		for (Indicator indicator : this.model.indicators()) {
			String scale = indicator.scale()
				.stream()
				.map((p) -> number(p.at(), 2) + indicator.unit() + "→" + number(p.score()))
				.collect(Collectors.joining("；"));
			rows.add(new String[] { indicator.name(), indicator.measure().formula(),
					scale + "（" + indicator.direction().label() + "）" });
		}
		return rows;
	}

	String gradeRule() {
		return this.model.grades()
			.stream()
			.map((band) -> band.label() + (band.minScore() > 0 ? " ≥ " + number(band.minScore()) + "分" : ""))
			.collect(Collectors.joining("；"));
	}

	List<String> followUps() {
		return this.report.followUps().stream().map(EcologyReport.FollowUp::label).toList();
	}

	static String gradeColor(Grade grade) {
		return switch (grade) {
			case GREEN -> "#2E7D32";
			case YELLOW -> "#C79100";
			case ORANGE -> "#E65100";
			case RED -> "#C62828";
		};
	}

	static String number(double value) {
		return number(value, 1);
	}

	static String number(double value, int decimals) {
		java.math.BigDecimal rounded = java.math.BigDecimal.valueOf(value)
			.setScale(decimals, java.math.RoundingMode.HALF_UP)
			.stripTrailingZeros();
		return (rounded.signum() == 0) ? "0" : rounded.toPlainString();
	}

}
