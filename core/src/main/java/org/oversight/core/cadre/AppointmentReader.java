package org.oversight.core.cadre;

import org.bson.Document;

import org.springframework.data.convert.ReadingConverter;
import org.springframework.stereotype.Component;

import org.oversight.core.common.Keyset;
import org.oversight.core.common.StoredValues;
import org.oversight.core.mongo.EntityReader;

/**
 * Reads a stored appointment by hand. Every dashboard request reads appointments by the
 * hundred (principals, their posts, the principals above), and the generic mapping of
 * each cost more than reading it from the database: a third of coverage's server time at
 * M. {@code StoredReadersIntegrationTests} holds it equal to the generic mapping for
 * every appointment of the demo province.
 */
@ReadingConverter
@Component
public final class AppointmentReader implements EntityReader<Appointment> {

	@Override
	public Appointment convert(Document source) {
		return new Appointment(StoredValues.id(source), source.getString("cadreId"), source.getString("organizationId"),
				StoredValues.strings(source, "orgPath"), StoredValues.constant(source, "role", TeamRole.class),
				source.getString("title"), Keyset.day(source.get("start")), Keyset.day(source.get("end")),
				StoredValues.stamp(source));
	}

}
