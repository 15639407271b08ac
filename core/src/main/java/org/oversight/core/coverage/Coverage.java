package org.oversight.core.coverage;

import java.time.LocalDate;
import java.util.List;

import org.oversight.core.organization.Organization;

/**
 * Talk coverage of the principals of a subtree for a year (see
 * {@link CoverageService#coverage}).
 *
 * @param referenceDay 31 December of the year, or today for the current year
 * @param principals the principals counted, each with the post that counts
 * @param uncovered those covered by no required talk, by the code of their post
 * @param vacancies organizations whose principal post is vacant on the reference day
 */
public record Coverage(Organization organization, int year, LocalDate referenceDay, List<CountedPrincipal> principals,
		List<CountedPrincipal> uncovered, List<Organization> vacancies) {

	public int principalCount() {
		return this.principals.size();
	}

	public int withSupervisionTalk() {
		return (int) this.principals.stream().filter(CountedPrincipal::supervisionTalk).count();
	}

	public int newPrincipals() {
		return (int) this.principals.stream().filter(CountedPrincipal::isNew).count();
	}

	public int withTimelyAppointmentTalk() {
		return (int) this.principals.stream().filter((p) -> p.isNew() && p.timelyAppointmentTalk()).count();
	}

	/**
	 * One principal counted.
	 *
	 * @param cadreId the principal
	 * @param organizationId the organization of the post that counts (the deepest)
	 * @param organizationCode its code
	 * @param start the start of that post
	 * @param isNew the post starts in the year
	 * @param supervisionTalk a SUPERVISION talk by an ancestor principal in the year
	 * @param timelyAppointmentTalk an APPOINTMENT talk by an ancestor principal within 30
	 * days of the start
	 */
	public record CountedPrincipal(String cadreId, String organizationId, String organizationCode, LocalDate start,
			boolean isNew, boolean supervisionTalk, boolean timelyAppointmentTalk) {

		public boolean covered() {
			return this.supervisionTalk || (this.isNew && this.timelyAppointmentTalk);
		}

	}

}
