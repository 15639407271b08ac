package org.oversight.analytics.indicator;

/** Small hand-written models whose arithmetic the tests can work out on paper. */
final class TestModels {

	/**
	 * Two dimensions, two indicators. A: higher is better, weight 3, 0→0, 100→100 (the
	 * score is the value). B: lower is better, weight 1, 0→100, 10→50, 20→0. Grades:
	 * GREEN from 80, YELLOW from 60, ORANGE from 40, RED below.
	 */
	static final String MINIMAL_YAML = """
			problem-threshold: 60
			meeting-kinds: [PARTY_COMMITTEE]
			dimensions:
			  - {code: D1, name: 维度一, max-deduction: 30}
			  - {code: D2, name: 维度二}
			indicators:
			  - code: A
			    name: 指标甲
			    measure: SUPERVISION_TALK_COVERAGE
			    unit: "%"
			    direction: HIGHER_IS_BETTER
			    weight: 3
			    dimension: D1
			    scale: [{at: 0, score: 0}, {at: 100, score: 100}]
			    advice: 多谈话
			  - code: B
			    name: 指标乙
			    measure: OVERDUE_TASK_SHARE
			    unit: "%"
			    direction: LOWER_IS_BETTER
			    weight: 1
			    dimension: D2
			    scale: [{at: 0, score: 100}, {at: 10, score: 50}, {at: 20, score: 0}]
			    advice: 少逾期
			grades:
			  - {grade: GREEN, min-score: 80, label: 绿}
			  - {grade: YELLOW, min-score: 60, label: 黄}
			  - {grade: ORANGE, min-score: 40, label: 橙}
			  - grade: RED
			    min-score: 0
			    label: 红
			    follow-ups:
			      - {code: REMINDER_TALK, label: 提醒谈话, talk-kind: REMINDER}
			""";

	private TestModels() {
	}

	static IndicatorModel minimal() {
		return IndicatorModelTests.load(MINIMAL_YAML);
	}

}
