package org.oversight.analytics.report;

import org.junit.jupiter.api.Test;

import org.oversight.analytics.indicator.Figures;
import org.oversight.core.finding.DispositionForm;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.FindingStatus;
import org.oversight.core.finding.Severity;

import static org.assertj.core.api.Assertions.assertThat;

class FindingGroupTests {

	@Test
	void aGroupAddsToEveryCountItMatches() {
		Figures figures = new FindingGroup("O", FindingStatus.UNDER_RECTIFICATION, Severity.SERIOUS, true,
				FindingSource.PETITION, DispositionForm.SECOND, 3)
			.figures();
		assertThat(figures).isEqualTo(Figures.builder()
			.findings(3)
			.seriousFindings(3)
			.principalFindings(3)
			.petitions(3)
			.disposedFindings(3)
			.secondForm(3)
			.build());
	}

	@Test
	void dismissedFindingsNeverCountAgainstAnyone() {
		Figures figures = new FindingGroup("O", FindingStatus.DISMISSED, Severity.SERIOUS, true, FindingSource.PETITION,
				DispositionForm.FOURTH, 2)
			.figures();
		assertThat(figures).isEqualTo(Figures.builder().dismissedFindings(2).build());
	}

	@Test
	void findingsWithoutDispositionAreNotInTheFourForms() {
		Figures figures = new FindingGroup("O", FindingStatus.OPEN, Severity.EARLY_SIGN, false,
				FindingSource.INSPECTION, null, 4)
			.figures();
		assertThat(figures.earlySignFindings()).isEqualTo(4);
		assertThat(figures.disposedFindings()).isZero();
		assertThat(figures.petitions()).isZero();
	}

}
