package org.oversight.core.organization;

import org.bson.Document;

import org.springframework.data.convert.ReadingConverter;
import org.springframework.stereotype.Component;

import org.oversight.core.common.Keyset;
import org.oversight.core.common.StoredValues;
import org.oversight.core.mongo.EntityReader;

/**
 * Reads a stored organization by hand: dashboard requests read organizations by the
 * hundred (a subtree, the children of a page, every name shown), and the generic mapping
 * of each was a tenth of coverage's server time at M.
 * {@code StoredReadersIntegrationTests} holds it equal to the generic mapping for every
 * organization of the demo province.
 */
@ReadingConverter
@Component
public final class OrganizationReader implements EntityReader<Organization> {

	@Override
	public Organization convert(Document source) {
		return Organization.stored(StoredValues.id(source), source.getString("code"), source.getString("name"),
				StoredValues.constant(source, "kind", OrgKind.class),
				StoredValues.constant(source, "level", OrgLevel.class), source.getString("parentId"),
				StoredValues.strings(source, "path"), Keyset.day(source.get("dissolvedOn")),
				StoredValues.strings(source, "pendingMoveFrom"), StoredValues.stamp(source));
	}

}
