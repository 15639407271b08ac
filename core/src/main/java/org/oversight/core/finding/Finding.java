package org.oversight.core.finding;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import org.oversight.core.common.DomainException;
import org.oversight.core.common.Stamp;

/**
 * A problem found about an organization, often about one cadre. The informant is kept
 * apart ({@link FindingInformant}) so it can be protected. {@code status} follows the
 * finding's rectification tasks, recounted after every task change:
 * {@code statusRevision} is the number of the recount that wrote it (from the sequence
 * {@code FindingService.RECOUNTS}), so a late recount never overwrites a newer answer.
 */
@Document("findings")
@CompoundIndexes({
		@CompoundIndex(name = "priority",
				def = "{ 'orgPath': 1, 'concernsPrincipal': -1, 'severityRank': -1, 'reportedOn': -1, '_id': 1 }"),
		@CompoundIndex(name = "subject", def = "{ 'subjectId': 1, 'reportedOn': -1 }") })
public class Finding {

	@Id
	private String id;

	private FindingSource source;

	private FindingCategory category;

	private Severity severity;

	/** 0 EARLY_SIGN, 1 GENERAL, 2 SERIOUS: sorts by severity. */
	private int severityRank;

	@Indexed
	private FindingStatus status;

	private String description;

	private String organizationId;

	private List<String> orgPath;

	private String subjectId;

	private boolean concernsPrincipal;

	private LocalDate reportedOn;

	private DispositionForm disposition;

	private boolean hasInformant;

	private String dismissalReason;

	private LocalDate dismissedOn;

	private int tasks;

	private int verifiedTasks;

	private long statusRevision;

	private long version;

	private Stamp stamp;

	protected Finding() {
	}

	Finding(String id, FindingSource source, FindingCategory category, Severity severity, String description,
			String organizationId, List<String> orgPath, String subjectId, boolean concernsPrincipal,
			LocalDate reportedOn, DispositionForm disposition, boolean hasInformant, Stamp stamp) {
		this.id = id;
		this.source = source;
		this.category = category;
		this.severity = severity;
		this.severityRank = severity.ordinal();
		this.status = FindingStatus.OPEN;
		this.description = description;
		this.organizationId = organizationId;
		this.orgPath = orgPath;
		this.subjectId = subjectId;
		this.concernsPrincipal = concernsPrincipal;
		this.reportedOn = reportedOn;
		this.disposition = disposition;
		this.hasInformant = hasInformant;
		this.stamp = stamp;
	}

	public String id() {
		return this.id;
	}

	public FindingSource source() {
		return this.source;
	}

	public FindingCategory category() {
		return this.category;
	}

	public Severity severity() {
		return this.severity;
	}

	public FindingStatus status() {
		return this.status;
	}

	public String description() {
		return this.description;
	}

	public String organizationId() {
		return this.organizationId;
	}

	public List<String> orgPath() {
		return this.orgPath;
	}

	public String subjectId() {
		return this.subjectId;
	}

	public boolean concernsPrincipal() {
		return this.concernsPrincipal;
	}

	public LocalDate reportedOn() {
		return this.reportedOn;
	}

	public DispositionForm disposition() {
		return this.disposition;
	}

	public boolean hasInformant() {
		return this.hasInformant;
	}

	public String dismissalReason() {
		return this.dismissalReason;
	}

	public LocalDate dismissedOn() {
		return this.dismissedOn;
	}

	public int tasks() {
		return this.tasks;
	}

	public int verifiedTasks() {
		return this.verifiedTasks;
	}

	long statusRevision() {
		return this.statusRevision;
	}

	public long version() {
		return this.version;
	}

	public Stamp stamp() {
		return this.stamp;
	}

	public boolean dismissed() {
		return this.status == FindingStatus.DISMISSED;
	}

	/** A dismissed finding takes no task and no correction. */
	public void requireNotDismissed() {
		if (dismissed()) {
			throw DomainException.conflict("Finding " + this.id + " was dismissed");
		}
	}

	/** The status a finding with these task counts has. */
	static FindingStatus statusFor(int tasks, int verified) {
		if (tasks == 0) {
			return FindingStatus.OPEN;
		}
		return (verified >= tasks) ? FindingStatus.RECTIFIED : FindingStatus.UNDER_RECTIFICATION;
	}

}
