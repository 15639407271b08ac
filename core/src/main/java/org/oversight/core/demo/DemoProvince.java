package org.oversight.core.demo;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.oversight.core.cadre.CadreService;
import org.oversight.core.common.Today;
import org.oversight.core.finding.FindingService;
import org.oversight.core.meeting.RecordsService;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.rectification.OverdueSweep;
import org.oversight.core.rectification.RectificationService;
import org.oversight.core.supervision.SupervisionService;
import org.oversight.core.talk.TalkService;

/**
 * Loads a fictional province (江宁省) through the domain services: the organization tree
 * (province, cities, counties, townships, villages, with the government, discipline
 * commission, departments, an enterprise and an institution of every province, city and
 * county), cadres and their leadership teams, four calendar years of talks, findings and
 * rectification tasks in every state, democratic life meetings, interference records,
 * duty reports and stored supervision arrangements.
 * <p>
 * The same {@code scale} and {@code seed} give the same names, codes, posts and dates for
 * the same {@link Today#date()}: all choices come from one {@link java.util.Random} in a
 * fixed order and every date is relative to today. Sizes by scale are described in
 * {@link DemoScale}: scale 1 is about 120 organizations, scale 20 about 1,000, scale 300
 * about 15,000.
 * <p>
 * Everything is written through the services, with two exceptions, both back-dating what
 * a service can only date "today": a rectification task's {@code assignedOn} and the
 * dates of its assignment, progress, extension and reassignment events, and a dismissed
 * finding's {@code dismissedOn} (see {@code DemoGeneration#backdate}).
 * <p>
 * Expects an empty database: organization and cadre codes are fixed ({@code P01...},
 * {@code G000001...}) and a second load is refused as a duplicate code. Not
 * transactional: a load that fails half-way leaves what it wrote.
 */
@Component
public final class DemoProvince {

	final OrganizationService organizations;

	final CadreService cadres;

	final SupervisionService supervisions;

	final TalkService talks;

	final FindingService findings;

	final RectificationService rectifications;

	final RecordsService records;

	final OverdueSweep sweep;

	final MongoTemplate mongo;

	final Today today;

	DemoProvince(OrganizationService organizations, CadreService cadres, SupervisionService supervisions,
			TalkService talks, FindingService findings, RectificationService rectifications, RecordsService records,
			OverdueSweep sweep, MongoTemplate mongo, Today today) {
		this.organizations = organizations;
		this.cadres = cadres;
		this.supervisions = supervisions;
		this.talks = talks;
		this.findings = findings;
		this.rectifications = rectifications;
		this.records = records;
		this.sweep = sweep;
		this.mongo = mongo;
		this.today = today;
	}

	/**
	 * What one load wrote.
	 *
	 * @param organizations organizations created
	 * @param cadres cadres registered
	 * @param appointments appointments, current and ended
	 * @param talks talks of every kind
	 * @param findings findings registered, dismissed ones included
	 * @param dismissedFindings findings dismissed as untrue
	 * @param rectifications rectification tasks assigned
	 * @param overdueRectifications tasks still ASSIGNED or IN_PROGRESS after their
	 * deadline
	 * @param meetings democratic life meetings
	 * @param interferenceRecords interference records
	 * @param dutyReports duty and integrity reports
	 * @param supervisions stored (STATIONED and ASSIGNED) supervision arrangements
	 * @param escalationSteps escalation steps issued by the weekly overdue sweeps
	 * replayed up to today
	 */
	public record Summary(int organizations, int cadres, int appointments, int talks, int findings,
			int dismissedFindings, int rectifications, int overdueRectifications, int meetings, int interferenceRecords,
			int dutyReports, int supervisions, int escalationSteps) {
	}

	/**
	 * Creates the demo province.
	 * @param scale the size, at least 1 (1 is a small demo of about 120 organizations)
	 * @param seed the seed of every random choice
	 * @return what was written
	 */
	public Summary load(int scale, long seed) {
		return new DemoGeneration(this, DemoScale.of(scale), seed).run();
	}

}
