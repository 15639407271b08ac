package org.oversight.core.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;

import org.oversight.core.common.DomainException;

/**
 * The filters of a task list; every one optional. {@code overdue} is judged as of today.
 */
public record RectificationFilter(List<RectificationStatus> status, Boolean overdue, LocalDate deadlineBefore,
		List<RectificationMode> mode, LocalDate deadlineFrom, LocalDate deadlineTo, Boolean concernsPrincipal) {

	public static RectificationFilter none() {
		return new RectificationFilter(null, null, null, null, null, null, null);
	}

	public Criteria criteria(LocalDate today) {
		List<Criteria> all = new ArrayList<>();
		if (this.status != null && !this.status.isEmpty()) {
			all.add(Criteria.where("status").in(this.status));
		}
		if (this.mode != null && !this.mode.isEmpty()) {
			all.add(Criteria.where("mode").in(this.mode));
		}
		if (Boolean.TRUE.equals(this.overdue)) {
			all.add(overdueOn(today));
		}
		else if (Boolean.FALSE.equals(this.overdue)) {
			all.add(new Criteria().orOperator(
					Criteria.where("status").nin(RectificationStatus.ASSIGNED, RectificationStatus.IN_PROGRESS),
					Criteria.where("deadline").gte(today)));
		}
		if (this.deadlineBefore != null) {
			all.add(Criteria.where("deadline").lt(this.deadlineBefore));
		}
		if (this.deadlineFrom != null && this.deadlineTo != null && this.deadlineTo.isBefore(this.deadlineFrom)) {
			throw DomainException.invalid("deadlineTo", "must not be before deadlineFrom");
		}
		if (this.deadlineFrom != null) {
			all.add(Criteria.where("deadline").gte(this.deadlineFrom));
		}
		if (this.deadlineTo != null) {
			all.add(Criteria.where("deadline").lte(this.deadlineTo));
		}
		if (this.concernsPrincipal != null) {
			all.add(Criteria.where("concernsPrincipal").is(this.concernsPrincipal));
		}
		return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
	}

	/** Still ASSIGNED or IN_PROGRESS after the deadline day. */
	public static Criteria overdueOn(LocalDate day) {
		return new Criteria().andOperator(
				Criteria.where("status").in(RectificationStatus.ASSIGNED, RectificationStatus.IN_PROGRESS),
				Criteria.where("deadline").lt(day));
	}

}
