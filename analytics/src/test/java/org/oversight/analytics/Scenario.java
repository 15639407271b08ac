package org.oversight.analytics;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.finding.DispositionForm;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingCategory;
import org.oversight.core.finding.FindingService;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.Severity;
import org.oversight.core.meeting.RecordsService;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.rectification.OverdueSweep;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationService;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.talk.TalkService;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.TestDatabase;

/**
 * A small city written through the real services, whose 2025 figures are worked out by
 * hand in the tests:
 *
 * <pre>
 * C  city      principal cityP since 2015-01-01 (nobody above)
 * ├─ X1 county principal x1P since 2024-01-01, member x1M
 * │  └─ T township: no principal, member tM
 * └─ X2 county principal x2P since 2025-03-01 (new)
 * </pre>
 *
 * 2025: findings f1 (X1, about x1P, SERIOUS, FIRST form), f2 (T, GENERAL, FIRST form), f3
 * (X2, about x2P, dismissed), f4 (X1, petition about x1M, GENERAL, SECOND form), f5 (C,
 * petition about cityP, GENERAL, no disposition). Task t1 for f2 due 2025-06-30,
 * submitted 2025-06-20, verified 2025-07-01 (assigned 2025-03-01); task t2 for f1 due
 * 2025-11-30, still in progress (assigned 2025-09-01), swept on 2025-12-20 (reminder
 * letter and escalation). Talks: a supervision talk of cityP with x1P (2025-04-01), an
 * appointment talk of cityP with x2P (2025-03-15). Meetings: C (2025-12-20), X1
 * (2025-12-22, attended by cityP). An interference record of x2P (2025-05-05).
 */
@Component
public class Scenario {

	private final Fixtures fixtures;

	private final FindingService findings;

	private final RectificationService rectifications;

	private final TalkService talks;

	private final RecordsService records;

	private final OverdueSweep sweep;

	private final TestDatabase.MutableClock clock;

	public Organization city;

	public Organization x1;

	public Organization x2;

	public Organization township;

	public Cadre cityP;

	public Cadre x1P;

	public Cadre x1M;

	public Cadre x2P;

	public Cadre tM;

	public Finding f1;

	public Finding f3;

	public Rectification t1;

	public Rectification t2;

	Scenario(Fixtures fixtures, FindingService findings, RectificationService rectifications, TalkService talks,
			RecordsService records, OverdueSweep sweep, TestDatabase.MutableClock clock) {
		this.fixtures = fixtures;
		this.findings = findings;
		this.rectifications = rectifications;
		this.talks = talks;
		this.records = records;
		this.sweep = sweep;
		this.clock = clock;
	}

	public Scenario build() {
		this.city = this.fixtures.org("C", OrgLevel.CITY, null);
		this.x1 = this.fixtures.org("X1", OrgLevel.COUNTY, this.city);
		this.x2 = this.fixtures.org("X2", OrgLevel.COUNTY, this.city);
		this.township = this.fixtures.org("T", OrgLevel.TOWNSHIP, this.x1);
		this.cityP = this.fixtures.cadre("城市书记");
		this.x1P = this.fixtures.cadre("一县书记");
		this.x1M = this.fixtures.cadre("一县委员");
		this.x2P = this.fixtures.cadre("二县书记");
		this.tM = this.fixtures.cadre("乡镇委员");
		this.fixtures.appoint(this.cityP, this.city, TeamRole.PRINCIPAL, day("2015-01-01"));
		this.fixtures.appoint(this.x1P, this.x1, TeamRole.PRINCIPAL, day("2024-01-01"));
		this.fixtures.appoint(this.x1M, this.x1, TeamRole.MEMBER, day("2023-01-01"));
		this.fixtures.appoint(this.x2P, this.x2, TeamRole.PRINCIPAL, day("2025-03-01"));
		this.fixtures.appoint(this.tM, this.township, TeamRole.MEMBER, day("2022-01-01"));

		this.f1 = this.fixtures.finding(this.x1, this.x1P, Severity.SERIOUS, day("2025-08-20"));
		Finding f2 = this.fixtures.finding(this.township, null, Severity.GENERAL, day("2025-02-10"));
		this.f3 = this.fixtures.finding(this.x2, this.x2P, Severity.EARLY_SIGN, day("2025-04-10"));
		this.findings.dismiss(this.f3.id(), "经核查不实");
		register(this.x1, this.x1M, FindingSource.PETITION, Severity.GENERAL, day("2025-05-06"),
				DispositionForm.SECOND);
		register(this.city, this.cityP, FindingSource.PETITION, Severity.GENERAL, day("2025-08-01"), null);

		this.clock.setDate(day("2025-03-01"));
		this.t1 = this.fixtures.task(f2, this.township, day("2025-06-30"));
		this.clock.setDate(day("2025-09-01"));
		this.t2 = this.fixtures.task(this.f1, this.x1, day("2025-11-30"));
		this.clock.reset();
		Rectification started = this.rectifications.reportProgress(this.t1.id(), "正在整改", this.t1.version());
		Rectification submitted = this.rectifications.submit(this.t1.id(), "整改报告", day("2025-06-20"),
				started.version());
		this.t1 = this.rectifications.verify(this.t1.id(), true, "通过", day("2025-07-01"), null, submitted.version());
		this.t2 = this.rectifications.reportProgress(this.t2.id(), "正在整改", this.t2.version());
		this.sweep.sweep(day("2025-12-20"), null);

		talk(TalkKind.SUPERVISION, "2025-04-01", this.x1P, this.cityP, this.x1);
		talk(TalkKind.APPOINTMENT, "2025-03-15", this.x2P, this.cityP, this.x2);
		this.records.recordMeeting(
				new RecordsService.RecordMeeting(this.city.id(), day("2025-12-20"), "民主生活会", null, List.of(), 3));
		this.records.recordMeeting(new RecordsService.RecordMeeting(this.x1.id(), day("2025-12-22"), "民主生活会",
				this.city.id(), List.of(this.cityP.id()), 2));
		this.records.recordInterference(
				new RecordsService.RecordInterference(this.x2.id(), this.x2P.id(), day("2025-05-05"), "过问工程招投标"));
		return this;
	}

	public Finding register(Organization organization, Cadre subject, FindingSource source, Severity severity,
			LocalDate reportedOn, DispositionForm disposition) {
		return this.findings.register(new FindingService.RegisterFinding(source, FindingCategory.INTEGRITY, severity,
				"问题描述", organization.id(), (subject != null) ? subject.id() : null, reportedOn, disposition, null));
	}

	public void talk(TalkKind kind, String date, Cadre subject, Cadre by, Organization organization) {
		this.talks.record(new TalkService.RecordTalk(kind, day(date), subject.id(), List.of(by.id()), organization.id(),
				null, List.of()));
	}

	public static LocalDate day(String text) {
		return LocalDate.parse(text);
	}

}
