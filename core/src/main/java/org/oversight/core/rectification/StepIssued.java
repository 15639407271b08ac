package org.oversight.core.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An escalation step issued by a sweep, kept as an event every API process can follow
 * (whichever process ran the sweep). Keyed by task and level, so a repeated or resumed
 * sweep never records one twice.
 *
 * @param id {@code taskId:LEVEL}
 * @param sequence increasing per issue, for followers to resume after the last seen
 */
@Document("rectification_steps")
public record StepIssued(@Id String id, String taskId, ReminderLevel level, LocalDate issuedOn, String issuedToId,
		List<String> orgPath, @Indexed long sequence, Instant at) {

	static String key(String taskId, ReminderLevel level) {
		return taskId + ":" + level.name();
	}

}
