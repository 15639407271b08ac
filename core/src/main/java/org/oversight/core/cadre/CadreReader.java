package org.oversight.core.cadre;

import java.util.LinkedHashSet;
import java.util.List;

import org.bson.Document;

import org.springframework.data.convert.ReadingConverter;
import org.springframework.stereotype.Component;

import org.oversight.core.common.StoredValues;
import org.oversight.core.mongo.EntityReader;

/**
 * Reads a stored cadre by hand: every name a dashboard shows is a cadre read by id (the
 * principals of a page, the uncovered, the subjects of findings), a sixth of coverage's
 * server time at M with the generic mapping. {@code StoredReadersIntegrationTests} holds
 * it equal to the generic mapping for every cadre of the demo province.
 */
@ReadingConverter
@Component
public final class CadreReader implements EntityReader<Cadre> {

	@Override
	public Cadre convert(Document source) {
		List<String> scope = StoredValues.strings(source, "orgScope");
		Object birthYear = source.get("birthYear");
		return Cadre.stored(StoredValues.id(source), source.getString("code"), source.getString("name"),
				(birthYear instanceof Number number) ? number.intValue() : null,
				(scope != null) ? new LinkedHashSet<>(scope) : null, StoredValues.stamp(source));
	}

}
