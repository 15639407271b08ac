package org.oversight.core.talk;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import org.oversight.core.common.Stamp;

/** A talk held with a cadre (the subject) by one or more cadres. */
@Document("talks")
@CompoundIndex(name = "subject_date", def = "{ 'subjectId': 1, 'date': -1 }")
public class Talk {

	@Id
	private String id;

	private TalkKind kind;

	@Indexed
	private LocalDate date;

	private String subjectId;

	private List<String> conductedByIds;

	private String organizationId;

	@Indexed
	private List<String> orgPath;

	private String summary;

	private List<String> issuesRaised;

	private Stamp stamp;

	protected Talk() {
	}

	Talk(String id, TalkKind kind, LocalDate date, String subjectId, List<String> conductedByIds, String organizationId,
			List<String> orgPath, String summary, List<String> issuesRaised, Stamp stamp) {
		this.id = id;
		this.kind = kind;
		this.date = date;
		this.subjectId = subjectId;
		this.conductedByIds = conductedByIds;
		this.organizationId = organizationId;
		this.orgPath = orgPath;
		this.summary = summary;
		this.issuesRaised = issuesRaised;
		this.stamp = stamp;
	}

	public String id() {
		return this.id;
	}

	public TalkKind kind() {
		return this.kind;
	}

	public LocalDate date() {
		return this.date;
	}

	public String subjectId() {
		return this.subjectId;
	}

	public List<String> conductedByIds() {
		return this.conductedByIds;
	}

	public String organizationId() {
		return this.organizationId;
	}

	public List<String> orgPath() {
		return this.orgPath;
	}

	public String summary() {
		return this.summary;
	}

	public List<String> issuesRaised() {
		return (this.issuesRaised != null) ? this.issuesRaised : List.of();
	}

	public Stamp stamp() {
		return this.stamp;
	}

}
