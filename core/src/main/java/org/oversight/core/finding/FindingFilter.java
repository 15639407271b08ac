package org.oversight.core.finding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;

import org.oversight.core.common.DomainException;

/** The filters of a finding list; every one optional. */
public record FindingFilter(List<FindingStatus> status, List<FindingSource> source, List<Severity> severity,
		Boolean concernsPrincipal, LocalDate reportedFrom, LocalDate reportedTo, List<FindingCategory> category,
		List<DispositionForm> disposition, String subjectId) {

	public static FindingFilter none() {
		return new FindingFilter(null, null, null, null, null, null, null, null, null);
	}

	public Criteria criteria() {
		List<Criteria> all = new ArrayList<>();
		if (this.status != null && !this.status.isEmpty()) {
			all.add(Criteria.where("status").in(this.status));
		}
		if (this.source != null && !this.source.isEmpty()) {
			all.add(Criteria.where("source").in(this.source));
		}
		if (this.severity != null && !this.severity.isEmpty()) {
			all.add(Criteria.where("severity").in(this.severity));
		}
		if (this.category != null && !this.category.isEmpty()) {
			all.add(Criteria.where("category").in(this.category));
		}
		if (this.disposition != null && !this.disposition.isEmpty()) {
			all.add(Criteria.where("disposition").in(this.disposition));
		}
		if (this.concernsPrincipal != null) {
			all.add(Criteria.where("concernsPrincipal").is(this.concernsPrincipal));
		}
		if (this.subjectId != null) {
			all.add(Criteria.where("subjectId").is(this.subjectId));
		}
		if (this.reportedFrom != null && this.reportedTo != null && this.reportedTo.isBefore(this.reportedFrom)) {
			throw DomainException.invalid("reportedTo", "must not be before reportedFrom");
		}
		if (this.reportedFrom != null) {
			all.add(Criteria.where("reportedOn").gte(this.reportedFrom));
		}
		if (this.reportedTo != null) {
			all.add(Criteria.where("reportedOn").lte(this.reportedTo));
		}
		return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
	}

}
