package org.oversight.analytics.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.oversight.analytics.indicator.Figures;
import org.oversight.analytics.indicator.Grade;
import org.oversight.analytics.indicator.IndicatorModelLoader;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.talk.TalkKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The narrative quotes the report's own figures, and says nothing it has no figure for.
 */
class NarrativeTests {

	static final Figures FIGURES = Figures.builder()
		.organizations(12)
		.cadres(80)
		.findings(10)
		.earlySignFindings(3)
		.generalFindings(5)
		.seriousFindings(2)
		.principalFindings(4)
		.petitions(1)
		.dismissedFindings(2)
		.disposedFindings(8)
		.firstForm(6)
		.secondForm(2)
		.dueTasks(8)
		.dueTasksOnTime(6)
		.tasksInHand(5)
		.overdueTasks(2)
		.overdueDays(50)
		.verifiedTasks(4)
		.rectificationDays(240)
		.tasksInYear(9)
		.reminderLetters(2)
		.escalations(1)
		.principals(10)
		.principalsWithSupervisionTalk(7)
		.newPrincipals(2)
		.newPrincipalsWithTimelyTalk(1)
		.teams(3)
		.teamsWithMeeting(2)
		.meetings(2)
		.meetingsAttended(1)
		.vacancies(1)
		.build();

	static EcologyReport report(Figures figures, Double previous, Integer rank, Integer peers) {
		EcologyReport draft = Drafts.draft(IndicatorModelLoader.defaults(),
				new OrgNode("o1", "X01", "石口县委", org.oversight.core.organization.OrgKind.PARTY_COMMITTEE,
						OrgLevel.COUNTY, "c1", List.of("c1", "o1"), null),
				2025, LocalDate.of(2025, 12, 31), figures, "cadre-1", Instant.EPOCH);
		return draft.withPreviousScore(previous).withRank(rank, peers);
	}

	@Test
	void theOverallParagraphQuotesScoreGradeRankAndChange() {
		EcologyReport report = report(FIGURES, 60.0, 2, 5);
		String text = Narrative.write(report);
		assertThat(text).startsWith("2025年度，石口县委政治生态综合得分" + Numbers.of(report.score()) + "分，评定为" + report.gradeLabel()
				+ "等级，在同一上级所属的5个同级单位中排名第2位。");
		double change = report.score() - 60.0;
		assertThat(text).contains("较上年（60分）" + ((change > 0) ? "上升" : "下降") + Numbers.of(Math.abs(change)) + "分。");
		assertThat(text).contains("截至2025年12月31日共有组织12个、在岗干部80名。");
	}

	@Test
	void theRecordsParagraphQuotesTheFigures() {
		String text = Narrative.write(report(FIGURES, null, 1, 1));
		assertThat(text).contains("上年度无分析研判数据，暂不作同比。")
			.contains("为同一上级所属唯一参评的同级单位")
			.contains("年内发现问题10个，其中苗头性倾向性问题3个、一般问题5个、严重问题2个；涉及一把手的4个（占40%），来源于信访举报的1个")
			.contains("另有2个问题经核查不实，已予澄清，不计入评价")
			.contains("已作处置的8个问题中，运用第一种形态6个（占75%），第二种形态2个，第三种形态0个，第四种形态0个。")
			.contains("年内到期整改任务8项，按期完成6项，按期完成率75%；截至2025年12月31日在办整改任务5项，其中逾期2项，平均逾期25天。")
			.contains("年内验收销号整改任务4项，平均整改用时60天。")
			.contains("年内因整改逾期发出提醒督办函2份、提级督办1次、约谈0次。")
			.contains("应接受监督谈话的一把手10名，年内由上级一把手开展监督谈话7名，覆盖率70%；新任一把手2名，其中1名在到任30日内接受了任职谈话。")
			.contains("截至2025年12月31日，有1个组织一把手空缺（占8.3%）。")
			.contains("应召开民主生活会的领导班子3个，年内召开2个；共召开2场，上级领导列席1场。")
			.contains("年内无领导干部插手干预重大事项记录。");
	}

	@Test
	void theEvaluationNamesWherePointsWereLostAndWhatTheGradeTriggers() {
		EcologyReport report = report(FIGURES, null, 1, 1);
		String text = Narrative.write(report);
		EcologyReport.IndicatorValue worst = worst(report);
		assertThat(text).contains("全部失分" + Numbers.of(100 - report.score()) + "分，主要集中在" + worst.name() + "（");
		if (!report.followUps().isEmpty()) {
			assertThat(text).contains("按照" + report.gradeLabel() + "等级的处置要求：" + report.followUps().get(0).label());
		}
	}

	/** Most points lost; the smaller code on a tie. */
	static EcologyReport.IndicatorValue worst(EcologyReport report) {
		return report.applicableIndicators()
			.stream()
			.min(java.util.Comparator.comparingDouble((EcologyReport.IndicatorValue i) -> -i.lostPoints())
				.thenComparing(EcologyReport.IndicatorValue::code))
			.orElseThrow();
	}

	@Test
	void anOrganizationWithoutRecordsGetsNoStockSentences() {
		Figures empty = Figures.builder().organizations(1).cadres(3).build();
		String text = Narrative.write(report(empty, null, 1, 1));
		assertThat(text).contains("年内未发现问题。")
			.contains("年内无到期整改任务。")
			.contains("截至2025年12月31日，1个组织一把手均已配备。")
			.doesNotContain("第一种形态")
			.doesNotContain("监督谈话")
			.doesNotContain("民主生活会")
			.contains("各项指标均未失分。");
	}

	@Test
	void aRedReportCarriesTheReminderTalkForThePrincipal() {
		Figures bad = FIGURES.toBuilder()
			.seriousFindings(20)
			.findings(30)
			.principalFindings(25)
			.dueTasksOnTime(0)
			.overdueTasks(5)
			.overdueDays(500)
			.principalsWithSupervisionTalk(0)
			.teamsWithMeeting(0)
			.firstForm(0)
			.build();
		EcologyReport report = report(bad, null, 1, 1);
		assertThat(report.grade()).isEqualTo(Grade.RED);
		assertThat(report.followUps())
			.extracting(EcologyReport.FollowUp::code, EcologyReport.FollowUp::talkKind,
					EcologyReport.FollowUp::principalId)
			.contains(org.assertj.core.groups.Tuple.tuple("REMINDER_TALK", TalkKind.REMINDER, "cadre-1"));
		assertThat(report.problemsToRectify()).isNotEmpty();
		// worst first: the problems follow the lost points
		EcologyReport.IndicatorValue worst = worst(report);
		assertThat(report.problemsToRectify().get(0)).startsWith(worst.name());
	}

}
