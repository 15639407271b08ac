package org.oversight.api.graphql;

import java.time.LocalDate;
import java.util.List;

import org.oversight.core.common.Scope;
import org.oversight.core.organization.OrgKind;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;

/**
 * An organization as the API shows it. Outside the caller's scope only its identity (id,
 * code, name, kind, level) is shown; {@code visible} is false and every other field
 * resolves to null or empty.
 */
public record OrgNode(String id, String code, String name, OrgKind kind, OrgLevel level, LocalDate dissolvedOn,
		String parentId, List<String> path, boolean visible) {

	public static OrgNode of(Organization organization, Scope scope) {
		if (scope.contains(organization.path())) {
			return new OrgNode(organization.id(), organization.code(), organization.name(), organization.kind(),
					organization.level(), organization.dissolvedOn(), organization.parentId(), organization.path(),
					true);
		}
		return new OrgNode(organization.id(), organization.code(), organization.name(), organization.kind(),
				organization.level(), null, null, List.of(), false);
	}

	public int depth() {
		return this.visible ? this.path.size() - 1 : 0;
	}

}
