package org.oversight.analytics.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.core.organization.OrganizationLifecycleListener;
import org.oversight.core.organization.Organizations;

/**
 * Keeps the peer groups right when an organization moves: its reports take the new
 * parent, and the ranks of the old and the new peer groups are recomputed for every year.
 * The figures themselves stay as computed until the year is generated again. Idempotent.
 */
@Component
class ReportsFollowMoves implements OrganizationLifecycleListener {

	private final Organizations organizations;

	private final MongoTemplate mongo;

	private final EcologyReportService service;

	ReportsFollowMoves(Organizations organizations, MongoTemplate mongo, EcologyReportService service) {
		this.organizations = organizations;
		this.mongo = mongo;
		this.service = service;
	}

	@Override
	public void organizationMoved(String organizationId) {
		var moved = this.organizations.findById(organizationId).orElse(null);
		if (moved == null) {
			return;
		}
		List<EcologyReport> own = this.mongo.find(Query.query(Criteria.where("organizationId").is(organizationId)),
				EcologyReport.class);
		for (EcologyReport report : own) {
			Set<String> parents = new LinkedHashSet<>();
			parents.add(Objects.toString(report.parentId(), ""));
			parents.add(Objects.toString(moved.parentId(), ""));
			List<EcologyReport> groups = new ArrayList<>();
			for (String parent : parents) {
				Criteria criteria = Criteria.where("year")
					.is(report.year())
					.and("level")
					.is(report.level())
					.and("parentId")
					.is(parent.isEmpty() ? null : parent)
					.and("organizationId")
					.ne(organizationId);
				groups.addAll(this.mongo.find(Query.query(criteria), EcologyReport.class));
			}
			groups.add(report.withParent(moved.parentId(), moved.path()));
			this.service.replace(EcologyReportService.ranked(groups));
		}
	}

}
