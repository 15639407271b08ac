package org.oversight.core.cadre;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One document per organization holding the terms of its PRINCIPAL appointments. A new
 * term is claimed by a conditional write on {@code version}, so two concurrent principal
 * appointments of one organization cannot both succeed: the guard holds on every MongoDB
 * (no transactions or partial unique indexes needed).
 */
@Document("principal_seats")
class PrincipalSeat {

	@Id
	String organizationId;

	List<Term> terms;

	long version;

	record Term(String appointmentId, String cadreId, LocalDate start, LocalDate end, Instant claimedAt) {

		boolean overlaps(LocalDate otherStart, LocalDate otherEnd) {
			return DateRanges.overlap(this.start, this.end, otherStart, otherEnd);
		}

	}

}
