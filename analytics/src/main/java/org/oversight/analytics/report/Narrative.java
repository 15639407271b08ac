package org.oversight.analytics.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.oversight.analytics.indicator.Figures;

/**
 * Writes a report's narrative (分析研判) in Chinese from the report's own figures, so it can
 * be rewritten whenever a stored report changes (a new rank, last year recomputed). Every
 * sentence quotes the figures it rests on; a sentence whose figures are missing is left
 * out rather than filled with stock phrases. Five paragraphs: the overall result;
 * findings; rectification; the supervision of principals and teams; the evaluation
 * (strengths, where points were lost, what to rectify, what the grade triggers).
 */
final class Narrative {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private Narrative() {
	}

	static String write(EcologyReport report) {
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(String.join("", overall(report)));
		paragraphs.add(String.join("", findings(report)));
		paragraphs.add(String.join("", rectification(report)));
		paragraphs.add(String.join("", supervision(report)));
		paragraphs.add(String.join("", evaluation(report)));
		return paragraphs.stream().filter((p) -> !p.isEmpty()).collect(Collectors.joining("\n\n"));
	}

	private static List<String> overall(EcologyReport report) {
		List<String> sentences = new ArrayList<>();
		StringBuilder first = new StringBuilder();
		first.append(report.year())
			.append("年度，")
			.append(report.organizationName())
			.append("政治生态综合得分")
			.append(Numbers.of(report.score()))
			.append("分，评定为")
			.append(report.gradeLabel())
			.append("等级");
		if (report.peerCount() != null && report.rankAmongPeers() != null) {
			if (report.peerCount() > 1) {
				first.append("，在同一上级所属的")
					.append(report.peerCount())
					.append("个同级单位中排名第")
					.append(report.rankAmongPeers())
					.append("位");
			}
			else {
				first.append("，为同一上级所属唯一参评的同级单位");
			}
		}
		sentences.add(first.append("。").toString());
		if (report.previousScore() != null) {
			double change = report.change();
			String previous = "较上年（" + Numbers.of(report.previousScore()) + "分）";
			if (change > 0) {
				sentences.add(previous + "上升" + Numbers.of(change) + "分。");
			}
			else if (change < 0) {
				sentences.add(previous + "下降" + Numbers.of(-change) + "分。");
			}
			else {
				sentences.add("与上年（" + Numbers.of(report.previousScore()) + "分）持平。");
			}
		}
		else {
			sentences.add("上年度无分析研判数据，暂不作同比。");
		}
		Figures f = report.figures();
		sentences.add("统计范围为" + report.organizationName() + "及其所属组织，截至" + day(report.referenceDay()) + "共有组织"
				+ f.organizations() + "个、在岗干部" + f.cadres() + "名。");
		List<EcologyReport.DimensionScore> dimensions = report.dimensions();
		if (dimensions.size() >= 2) {
			EcologyReport.DimensionScore best = dimensions.stream()
				.max(Comparator.comparingDouble(EcologyReport.DimensionScore::score))
				.orElseThrow();
			EcologyReport.DimensionScore worst = dimensions.stream()
				.min(Comparator.comparingDouble(EcologyReport.DimensionScore::score))
				.orElseThrow();
			if (best.score() == worst.score()) {
				sentences.add("各维度得分均为" + Numbers.of(best.score()) + "分。");
			}
			else {
				sentences.add("分维度看，“" + best.dimension() + "”得分最高（" + Numbers.of(best.score()) + "分），“"
						+ worst.dimension() + "”得分最低（" + Numbers.of(worst.score()) + "分）。");
			}
		}
		else if (dimensions.size() == 1) {
			sentences.add("“" + dimensions.get(0).dimension() + "”维度得分" + Numbers.of(dimensions.get(0).score()) + "分。");
		}
		return sentences;
	}

	private static List<String> findings(EcologyReport report) {
		Figures f = report.figures();
		List<String> sentences = new ArrayList<>();
		StringBuilder findings = new StringBuilder();
		if (f.findings() > 0) {
			findings.append("年内发现问题")
				.append(f.findings())
				.append("个，其中苗头性倾向性问题")
				.append(f.earlySignFindings())
				.append("个、一般问题")
				.append(f.generalFindings())
				.append("个、严重问题")
				.append(f.seriousFindings())
				.append("个；涉及一把手的")
				.append(f.principalFindings())
				.append("个（占")
				.append(Numbers.percent(f.principalFindings(), f.findings()))
				.append("%），来源于信访举报的")
				.append(f.petitions())
				.append("个");
		}
		else {
			findings.append("年内未发现问题");
		}
		if (f.dismissedFindings() > 0) {
			findings.append("；另有").append(f.dismissedFindings()).append("个问题经核查不实，已予澄清，不计入评价");
		}
		sentences.add(findings.append("。").toString());
		if (f.disposedFindings() > 0) {
			sentences.add("已作处置的" + f.disposedFindings() + "个问题中，运用第一种形态" + f.firstForm() + "个（占"
					+ Numbers.percent(f.firstForm(), f.disposedFindings()) + "%），第二种形态" + f.secondForm() + "个，第三种形态"
					+ f.thirdForm() + "个，第四种形态" + f.fourthForm() + "个。");
		}
		return sentences;
	}

	private static List<String> rectification(EcologyReport report) {
		Figures f = report.figures();
		String asOf = "截至" + day(report.referenceDay());
		List<String> sentences = new ArrayList<>();
		StringBuilder tasks = new StringBuilder();
		if (f.dueTasks() > 0) {
			tasks.append("年内到期整改任务")
				.append(f.dueTasks())
				.append("项，按期完成")
				.append(f.dueTasksOnTime())
				.append("项，按期完成率")
				.append(Numbers.percent(f.dueTasksOnTime(), f.dueTasks()))
				.append("%");
		}
		else {
			tasks.append("年内无到期整改任务");
		}
		if (f.tasksInHand() > 0) {
			tasks.append("；").append(asOf).append("在办整改任务").append(f.tasksInHand()).append("项，其中逾期");
			tasks.append(f.overdueTasks()).append("项");
			if (f.overdueTasks() > 0) {
				tasks.append("，平均逾期").append(Numbers.of((double) f.overdueDays() / f.overdueTasks())).append("天");
			}
		}
		sentences.add(tasks.append("。").toString());
		if (f.verifiedTasks() > 0) {
			sentences.add("年内验收销号整改任务" + f.verifiedTasks() + "项，平均整改用时"
					+ Numbers.of((double) f.rectificationDays() / f.verifiedTasks()) + "天。");
		}
		if (f.reminderLetters() + f.escalations() + f.summonses() > 0) {
			sentences.add("年内因整改逾期发出提醒督办函" + f.reminderLetters() + "份、提级督办" + f.escalations() + "次、约谈" + f.summonses()
					+ "次。");
		}
		else if (f.tasksInYear() > 0) {
			sentences.add("年内在办的" + f.tasksInYear() + "项整改任务均未因逾期被督办。");
		}
		return sentences;
	}

	private static List<String> supervision(EcologyReport report) {
		Figures f = report.figures();
		String asOf = "截至" + day(report.referenceDay());
		List<String> sentences = new ArrayList<>();
		if (f.principals() > 0) {
			StringBuilder talks = new StringBuilder().append("应接受监督谈话的一把手")
				.append(f.principals())
				.append("名，年内由上级一把手开展监督谈话")
				.append(f.principalsWithSupervisionTalk())
				.append("名，覆盖率")
				.append(Numbers.percent(f.principalsWithSupervisionTalk(), f.principals()))
				.append("%");
			if (f.newPrincipals() > 0) {
				talks.append("；新任一把手")
					.append(f.newPrincipals())
					.append("名，其中")
					.append(f.newPrincipalsWithTimelyTalk())
					.append("名在到任30日内接受了任职谈话");
			}
			sentences.add(talks.append("。").toString());
		}
		if (f.vacancies() > 0) {
			sentences.add(asOf + "，有" + f.vacancies() + "个组织一把手空缺（占" + Numbers.percent(f.vacancies(), f.organizations())
					+ "%）。");
		}
		else if (f.organizations() > 0) {
			sentences.add(asOf + "，" + f.organizations() + "个组织一把手均已配备。");
		}
		if (f.teams() > 0) {
			StringBuilder meetings = new StringBuilder().append("应召开民主生活会的领导班子")
				.append(f.teams())
				.append("个，年内召开")
				.append(f.teamsWithMeeting())
				.append("个");
			if (f.meetings() > 0) {
				meetings.append("；共召开")
					.append(f.meetings())
					.append("场，上级领导列席")
					.append(f.meetingsAttended())
					.append("场");
			}
			sentences.add(meetings.append("。").toString());
		}
		if (f.interferenceRecords() > 0) {
			sentences.add("年内记录领导干部插手干预重大事项" + f.interferenceRecords() + "件。");
		}
		else {
			sentences.add("年内无领导干部插手干预重大事项记录。");
		}
		return sentences;
	}

	private static List<String> evaluation(EcologyReport report) {
		List<String> sentences = new ArrayList<>();
		List<EcologyReport.IndicatorValue> applicable = report.applicableIndicators();
		List<EcologyReport.IndicatorValue> strong = applicable.stream()
			.filter((i) -> i.score() >= 90)
			.sorted(Comparator.comparingDouble(EcologyReport.IndicatorValue::score)
				.reversed()
				.thenComparing(Comparator.comparingDouble(EcologyReport.IndicatorValue::weight).reversed())
				.thenComparing(EcologyReport.IndicatorValue::code))
			.limit(3)
			.toList();
		if (!strong.isEmpty()) {
			sentences.add("表现较好的方面：" + strong.stream()
				.map((i) -> i.name() + "为" + Numbers.withUnit(i.value(), i.unit()) + "（得" + Numbers.of(i.score())
						+ "分）")
				.collect(Collectors.joining("，")) + "。");
		}
		List<EcologyReport.IndicatorValue> lost = applicable.stream()
			.filter((i) -> i.lostPoints() > 0)
			.sorted(Comparator.comparingDouble(EcologyReport.IndicatorValue::lostPoints)
				.reversed()
				.thenComparing(EcologyReport.IndicatorValue::code))
			.limit(3)
			.toList();
		if (lost.isEmpty()) {
			sentences.add("各项指标均未失分。");
		}
		else {
			double total = 100 - report.score();
			sentences.add("全部失分" + Numbers.of(total) + "分，主要集中在"
					+ lost.stream()
						.map((i) -> i.name() + "（" + Numbers.withUnit(i.value(), i.unit()) + "，失"
								+ Numbers.of(i.lostPoints(), 2) + "分，占全部失分的" + Numbers.of(i.lostShare()) + "%）")
						.collect(Collectors.joining("、"))
					+ "。");
		}
		if (!report.problemsToRectify().isEmpty()) {
			sentences.add("需优先整改的问题" + report.problemsToRectify().size() + "项，详见整改清单。");
		}
		if (!report.followUps().isEmpty()) {
			sentences.add("按照" + report.gradeLabel() + "等级的处置要求："
					+ report.followUps().stream().map(EcologyReport.FollowUp::label).collect(Collectors.joining("；"))
					+ "。");
		}
		return sentences;
	}

	static String day(LocalDate day) {
		return DAY.format(day);
	}

}
