package org.oversight.core.meeting;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.common.Actor;
import org.oversight.core.common.DomainException;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.talk.Talk;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.talk.TalkService;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MongoIntegrationTest
class RecordsIntegrationTests {

	@Autowired
	RecordsService records;

	@Autowired
	TalkService talks;

	@Autowired
	Fixtures fixtures;

	@Test
	void meetingThemesAreApprovedFromAbove() {
		Organization city = this.fixtures.org("C", OrgLevel.CITY, null);
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, city);
		Cadre attendee = this.fixtures.cadre("市委书记");
		DemocraticLifeMeeting meeting = this.records.recordMeeting(new RecordsService.RecordMeeting(county.id(),
				LocalDate.of(2026, 1, 20), "深刻检视剖析", city.id(), List.of(attendee.id()), 7));
		assertThat(meeting.attendedByUpperLevel()).isTrue();
		assertThat(this.records.meetings(county.id(), 2026)).hasSize(1);
		assertThat(this.records.meetings(county.id(), 2025)).isEmpty();
		assertThatThrownBy(() -> this.records.recordMeeting(
				new RecordsService.RecordMeeting(city.id(), LocalDate.of(2026, 1, 20), "主题", county.id(), null, 1)))
			.isInstanceOfSatisfying(DomainException.Invalid.class,
					(ex) -> assertThat(ex.field()).isEqualTo("themeApprovedById"));
		assertThatThrownBy(() -> this.records.recordMeeting(
				new RecordsService.RecordMeeting(county.id(), LocalDate.of(2026, 1, 20), "主题", null, null, -1)))
			.isInstanceOfSatisfying(DomainException.Invalid.class,
					(ex) -> assertThat(ex.field()).isEqualTo("issuesRaised"));
		assertThatThrownBy(() -> this.records.recordMeeting(new RecordsService.RecordMeeting(county.id(),
				LocalDate.of(2026, 1, 20), "主题", null, List.of("000000000000000000000000"), 1)))
			.isInstanceOfSatisfying(DomainException.NotFound.class,
					(ex) -> assertThat(ex.field()).isEqualTo("upperLevelAttendeeIds"));
		assertThat(this.records.meetings(county.id(), 2026)).hasSize(1);
	}

	@Test
	void interferenceRecordsKeepWhoRecordedThem() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Cadre cadre = this.fixtures.cadre("王伟");
		InterferenceRecord record = Actor.as("inspector1", () -> this.records.recordInterference(
				new RecordsService.RecordInterference(county.id(), cadre.id(), LocalDate.of(2026, 2, 2), "干预工程招标")));
		assertThat(record.recordedBy()).isEqualTo("inspector1");
		assertThat(this.records.interferenceRecords(county.id(), 2026)).hasSize(1);
		assertThatThrownBy(() -> this.records.recordInterference(
				new RecordsService.RecordInterference(county.id(), cadre.id(), LocalDate.of(2026, 2, 2), "")))
			.isInstanceOfSatisfying(DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("matter"));
	}

	@Test
	void dutyReportsAreOnePerCadrePostAndYear() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Cadre cadre = this.fixtures.cadre("王伟");
		this.records.deliverDutyReport(new RecordsService.DeliverDutyReport(county.id(), cadre.id(), 2025,
				LocalDate.of(2026, 1, 10), "述责述廉", false));
		DutyReport replaced = this.records.deliverDutyReport(new RecordsService.DeliverDutyReport(county.id(),
				cadre.id(), 2025, LocalDate.of(2026, 1, 12), "述责述廉（修改）", true));
		assertThat(replaced.coversLowerPrincipals()).isTrue();
	}

	@Test
	void talksNeedAConductorOtherThanTheSubject() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Cadre subject = this.fixtures.cadre("王伟");
		Cadre conductor = this.fixtures.cadre("李强");
		Talk talk = this.talks.record(new TalkService.RecordTalk(TalkKind.SUPERVISION, LocalDate.of(2026, 3, 3),
				subject.id(), List.of(conductor.id(), conductor.id()), county.id(), "谈话纪要", List.of("注意作风")));
		assertThat(talk.conductedByIds()).containsExactly(conductor.id());
		assertThatThrownBy(() -> this.talks.record(new TalkService.RecordTalk(TalkKind.SUPERVISION,
				LocalDate.of(2026, 3, 3), subject.id(), List.of(), county.id(), null, null)))
			.isInstanceOfSatisfying(DomainException.Invalid.class,
					(ex) -> assertThat(ex.field()).isEqualTo("conductedByIds"));
		assertThatThrownBy(() -> this.talks.record(new TalkService.RecordTalk(TalkKind.SUPERVISION,
				LocalDate.of(2026, 3, 3), subject.id(), List.of(subject.id()), county.id(), null, null)))
			.isInstanceOf(DomainException.Invalid.class);
		assertThatThrownBy(() -> this.talks.record(new TalkService.RecordTalk(TalkKind.SUPERVISION,
				LocalDate.of(2026, 3, 3), subject.id(), List.of(conductor.id()), county.id(), null, List.of(" "))))
			.isInstanceOfSatisfying(DomainException.Invalid.class,
					(ex) -> assertThat(ex.field()).isEqualTo("issuesRaised"));
	}

}
