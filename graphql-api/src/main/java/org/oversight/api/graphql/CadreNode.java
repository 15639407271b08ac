package org.oversight.api.graphql;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.common.Scope;

/**
 * A cadre as the API shows it: in scope while they hold or held a post inside it;
 * otherwise identity only (id, code, name).
 */
public record CadreNode(String id, String code, String name, Integer birthYear, boolean visible) {

	public static CadreNode of(Cadre cadre, Scope scope) {
		boolean visible = scope.unrestricted() || cadre.orgScope().contains(scope.organizationId());
		return new CadreNode(cadre.id(), cadre.code(), cadre.name(), visible ? cadre.birthYear() : null, visible);
	}

}
