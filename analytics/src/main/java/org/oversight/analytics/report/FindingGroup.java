package org.oversight.analytics.report;

import org.oversight.analytics.indicator.Figures;
import org.oversight.core.finding.DispositionForm;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.FindingStatus;
import org.oversight.core.finding.Severity;

/**
 * A count of an organization's findings of the year that agree in everything a report
 * distinguishes (one row of the findings aggregation), and what they add to its figures.
 * Dismissed findings add only to {@code dismissedFindings}: they never count against
 * anyone.
 *
 * @param organizationId the finding's organization
 * @param status its status
 * @param severity its severity
 * @param concernsPrincipal whether it concerns a principal
 * @param source where it came from
 * @param disposition its "four forms" disposition, null when none
 * @param count how many findings share all of the above
 */
record FindingGroup(String organizationId, FindingStatus status, Severity severity, boolean concernsPrincipal,
		FindingSource source, DispositionForm disposition, long count) {

	Figures figures() {
		Figures.Builder figures = Figures.builder();
		if (this.status == FindingStatus.DISMISSED) {
			return figures.dismissedFindings(this.count).build();
		}
		figures.findings(this.count);
		switch (this.severity) {
			case EARLY_SIGN -> figures.earlySignFindings(this.count);
			case GENERAL -> figures.generalFindings(this.count);
			case SERIOUS -> figures.seriousFindings(this.count);
		}
		if (this.concernsPrincipal) {
			figures.principalFindings(this.count);
		}
		if (this.source == FindingSource.PETITION) {
			figures.petitions(this.count);
		}
		if (this.disposition != null) {
			figures.disposedFindings(this.count);
			switch (this.disposition) {
				case FIRST -> figures.firstForm(this.count);
				case SECOND -> figures.secondForm(this.count);
				case THIRD -> figures.thirdForm(this.count);
				case FOURTH -> figures.fourthForm(this.count);
			}
		}
		return figures.build();
	}

}
