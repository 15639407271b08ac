package org.oversight.core.meeting;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import org.oversight.core.common.Stamp;

/** 领导干部插手干预重大事项记录: who interfered in which major matter, recorded when it happens. */
@Document("interference_records")
public record InterferenceRecord(@Id String id, String organizationId, @Indexed List<String> orgPath, String cadreId,
		LocalDate date, String matter, String recordedBy, Stamp stamp) {
}
