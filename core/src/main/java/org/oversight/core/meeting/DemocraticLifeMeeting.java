package org.oversight.core.meeting;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import org.oversight.core.common.Stamp;

/** A democratic life meeting (民主生活会) of a leadership team. */
@Document("meetings")
public record DemocraticLifeMeeting(@Id String id, String organizationId, @Indexed List<String> orgPath, LocalDate date,
		String theme, String themeApprovedById, List<String> upperLevelAttendeeIds, int issuesRaised, Stamp stamp) {

	public DemocraticLifeMeeting {
		upperLevelAttendeeIds = (upperLevelAttendeeIds != null) ? upperLevelAttendeeIds : List.of();
	}

	public boolean attendedByUpperLevel() {
		return !this.upperLevelAttendeeIds.isEmpty();
	}

}
