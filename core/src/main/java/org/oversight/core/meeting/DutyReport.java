package org.oversight.core.meeting;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import org.oversight.core.common.Stamp;

/**
 * A yearly duty and integrity report (述责述廉). A principal's report must cover how they
 * supervised the principals below them.
 *
 * @param id {@code cadreId:organizationId:year}: one report per cadre, post and year
 */
@Document("duty_reports")
public record DutyReport(@Id String id, String organizationId, @Indexed List<String> orgPath, String cadreId, int year,
		LocalDate deliveredOn, String summary, boolean coversLowerPrincipals, Stamp stamp) {

	static String key(String cadreId, String organizationId, int year) {
		return cadreId + ":" + organizationId + ":" + year;
	}

}
