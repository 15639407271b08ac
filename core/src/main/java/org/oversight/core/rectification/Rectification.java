package org.oversight.core.rectification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import org.oversight.core.common.Check;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.Stamp;

/**
 * A rectification task: the aggregate that guards its own life cycle. ASSIGNED →
 * IN_PROGRESS → SUBMITTED → VERIFIED, or SUBMITTED → IN_PROGRESS when the report is
 * rejected; nothing else. Each change appends to the history and bumps {@code version};
 * the overdue sweep's reminders are recorded beside it without touching the version.
 */
@Document("rectifications")
@CompoundIndexes({ @CompoundIndex(name = "scope_status_deadline", def = "{ 'orgPath': 1, 'status': 1, 'deadline': 1 }"),
		@CompoundIndex(name = "status_deadline", def = "{ 'status': 1, 'deadline': 1 }") })
public class Rectification {

	@Id
	private String id;

	@Indexed
	private String findingId;

	/** The finding's subject, kept here for recusal filters. */
	private String findingSubjectId;

	/** Copied from the finding (fixed there at registration), for filters. */
	private boolean concernsPrincipal;

	private String responsibleOrganizationId;

	private List<String> orgPath;

	private String responsibleCadreId;

	private RectificationMode mode;

	private String measures;

	private LocalDate deadline;

	private RectificationStatus status;

	private LocalDate assignedOn;

	private LocalDate submittedOn;

	private LocalDate verifiedOn;

	private BigDecimal fundsRecovered;

	private List<Reminder> reminders = new ArrayList<>();

	private List<Event> history = new ArrayList<>();

	private long version;

	private Stamp stamp;

	@Transient
	private List<Event> newEvents = new ArrayList<>();

	/** One escalation step issued by the sweep. */
	public record Reminder(ReminderLevel level, LocalDate issuedOn, String issuedToId, String note) {
	}

	/** One thing that happened to the task. */
	public record Event(RectificationEventKind kind, LocalDate on, String by, String note) {
	}

	protected Rectification() {
	}

	static Rectification assign(String id, String findingId, String findingSubjectId, boolean concernsPrincipal,
			String organizationId, List<String> orgPath, String cadreId, RectificationMode mode, String measures,
			LocalDate deadline, LocalDate on, String by, Stamp stamp) {
		Rectification task = new Rectification();
		task.id = id;
		task.findingId = findingId;
		task.findingSubjectId = findingSubjectId;
		task.concernsPrincipal = concernsPrincipal;
		task.responsibleOrganizationId = organizationId;
		task.orgPath = orgPath;
		task.responsibleCadreId = cadreId;
		task.mode = mode;
		task.measures = measures;
		task.deadline = deadline;
		task.status = RectificationStatus.ASSIGNED;
		task.assignedOn = on;
		task.version = 1;
		task.stamp = stamp;
		task.history.add(new Event(RectificationEventKind.ASSIGNED, on, by, measures));
		return task;
	}

	/** Reports progress: ASSIGNED or IN_PROGRESS, and becomes IN_PROGRESS. */
	void reportProgress(String note, LocalDate on, String by) {
		requireStatus("reportProgress", RectificationStatus.ASSIGNED, RectificationStatus.IN_PROGRESS);
		this.status = RectificationStatus.IN_PROGRESS;
		record(RectificationEventKind.PROGRESS, on, by, Check.text("note", note, 10_000));
	}

	/** Hands in the rectification report: IN_PROGRESS only. */
	void submit(String report, LocalDate submittedOn, String by) {
		String text = Check.text("report", report, 50_000);
		Check.present("submittedOn", submittedOn);
		requireStatus("submitRectification", RectificationStatus.IN_PROGRESS);
		this.status = RectificationStatus.SUBMITTED;
		this.submittedOn = submittedOn;
		record(RectificationEventKind.SUBMITTED, submittedOn, by, text);
	}

	/**
	 * Decides on the submitted report: accepted closes the task (销号), rejected sends it
	 * back to IN_PROGRESS with the comment kept in the history.
	 */
	void verify(boolean accepted, String comment, LocalDate decidedOn, BigDecimal funds, String by) {
		Check.present("decidedOn", decidedOn);
		String note = Check.optionalText("comment", comment, 10_000);
		if (funds != null) {
			if (funds.signum() < 0) {
				throw DomainException.invalid("fundsRecovered", "must not be negative");
			}
			if (funds.stripTrailingZeros().scale() > 2) {
				throw DomainException.invalid("fundsRecovered", "has at most two decimals (yuan and fen)");
			}
			if (!accepted) {
				throw DomainException.invalid("fundsRecovered", "is recorded only when the task is accepted");
			}
		}
		requireStatus("verifyRectification", RectificationStatus.SUBMITTED);
		Check.notBefore("decidedOn", decidedOn, "submittedOn", this.submittedOn);
		if (accepted) {
			this.status = RectificationStatus.VERIFIED;
			this.verifiedOn = decidedOn;
			this.fundsRecovered = (funds != null) ? funds.setScale(2, java.math.RoundingMode.UNNECESSARY) : null;
			record(RectificationEventKind.VERIFIED, decidedOn, by, note);
		}
		else {
			this.status = RectificationStatus.IN_PROGRESS;
			record(RectificationEventKind.REJECTED, decidedOn, by, note);
		}
	}

	/** Moves the deadline later (延期), with a reason; steps already issued stay. */
	void extendDeadline(LocalDate newDeadline, String reason, LocalDate on, String by) {
		Check.present("newDeadline", newDeadline);
		String text = Check.text("reason", reason, 10_000);
		requireNotVerified("extendDeadline");
		if (!newDeadline.isAfter(this.deadline)) {
			throw DomainException.invalid("newDeadline", "must be later than the current deadline " + this.deadline);
		}
		LocalDate old = this.deadline;
		this.deadline = newDeadline;
		record(RectificationEventKind.DEADLINE_EXTENDED, on, by, old + " → " + newDeadline + ": " + text);
	}

	/** Hands the task to another organization (and cadre). */
	void reassign(String organizationId, List<String> orgPath, String cadreId, LocalDate on, String by, String note) {
		requireNotVerified("reassignRectification");
		this.responsibleOrganizationId = organizationId;
		this.orgPath = orgPath;
		this.responsibleCadreId = cadreId;
		record(RectificationEventKind.REASSIGNED, on, by, note);
	}

	private void record(RectificationEventKind kind, LocalDate on, String by, String note) {
		Event event = new Event(kind, on, by, note);
		this.history.add(event);
		this.newEvents.add(event);
	}

	private void requireStatus(String operation, RectificationStatus... allowed) {
		for (RectificationStatus status : allowed) {
			if (this.status == status) {
				return;
			}
		}
		throw DomainException.conflict(operation + " is not allowed while the task is " + this.status);
	}

	private void requireNotVerified(String operation) {
		if (this.status == RectificationStatus.VERIFIED) {
			throw DomainException.conflict(operation + " is not allowed for a VERIFIED task");
		}
	}

	/** Overdue: still ASSIGNED or IN_PROGRESS after its deadline day. */
	public boolean overdueOn(LocalDate day) {
		return isOpenOnResponsibleSide() && day.isAfter(this.deadline);
	}

	/** Days from the deadline (the day after it is day 1); 0 when not overdue. */
	public int daysOverdueOn(LocalDate day) {
		return overdueOn(day) ? (int) ChronoUnit.DAYS.between(this.deadline, day) : 0;
	}

	public boolean isOpenOnResponsibleSide() {
		return this.status == RectificationStatus.ASSIGNED || this.status == RectificationStatus.IN_PROGRESS;
	}

	/** Rectified on time: VERIFIED and the last submission on or before the deadline. */
	public boolean rectifiedOnTime() {
		return this.status == RectificationStatus.VERIFIED && this.submittedOn != null
				&& !this.submittedOn.isAfter(this.deadline);
	}

	public boolean hasReminder(ReminderLevel level) {
		return reminder(level).isPresent();
	}

	public Optional<Reminder> reminder(ReminderLevel level) {
		return this.reminders.stream().filter((r) -> r.level() == level).findFirst();
	}

	public String id() {
		return this.id;
	}

	public String findingId() {
		return this.findingId;
	}

	public String findingSubjectId() {
		return this.findingSubjectId;
	}

	public boolean concernsPrincipal() {
		return this.concernsPrincipal;
	}

	public String responsibleOrganizationId() {
		return this.responsibleOrganizationId;
	}

	public List<String> orgPath() {
		return this.orgPath;
	}

	public String responsibleCadreId() {
		return this.responsibleCadreId;
	}

	public RectificationMode mode() {
		return this.mode;
	}

	public String measures() {
		return this.measures;
	}

	public LocalDate deadline() {
		return this.deadline;
	}

	public RectificationStatus status() {
		return this.status;
	}

	public LocalDate assignedOn() {
		return this.assignedOn;
	}

	public LocalDate submittedOn() {
		return this.submittedOn;
	}

	public LocalDate verifiedOn() {
		return this.verifiedOn;
	}

	public BigDecimal fundsRecovered() {
		return this.fundsRecovered;
	}

	public List<Reminder> reminders() {
		return List.copyOf(this.reminders);
	}

	public List<Event> history() {
		return List.copyOf(this.history);
	}

	List<Event> newEvents() {
		return this.newEvents;
	}

	public long version() {
		return this.version;
	}

	public Stamp stamp() {
		return this.stamp;
	}

}
