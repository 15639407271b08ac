package org.oversight.scheduler.report;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which year's reports the latest due yearly fire asked for. */
class DueYearTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final String DEFAULT = "0 0 3 15 1 ?";

	@Test
	void lastYearOnceThisYearsFireTimeHasPassed() {
		assertThat(dueYear(DEFAULT, LocalDateTime.of(2027, 1, 15, 3, 0))).isEqualTo(2026);
		assertThat(dueYear(DEFAULT, LocalDateTime.of(2027, 6, 1, 0, 0))).isEqualTo(2026);
		assertThat(dueYear(DEFAULT, LocalDateTime.of(2027, 12, 31, 23, 59))).isEqualTo(2026);
	}

	@Test
	void theYearBeforeUntilThisYearsFireTime() {
		assertThat(dueYear(DEFAULT, LocalDateTime.of(2027, 1, 15, 2, 59))).isEqualTo(2025);
		assertThat(dueYear(DEFAULT, LocalDateTime.of(2027, 1, 1, 0, 0))).isEqualTo(2025);
	}

	@Test
	void theCronIsReadInTheZone() {
		// 15 January 03:00 in Shanghai is 14 January 19:00 UTC
		assertThat(EcologyReportRuns.dueYear(DEFAULT, SHANGHAI,
				LocalDateTime.of(2027, 1, 14, 19, 0).atZone(ZoneId.of("UTC")).toInstant()))
			.hasValue(2026);
	}

	@Test
	void noneWhenTheCronFiredNeitherThisYearNorLast() {
		assertThat(EcologyReportRuns.dueYear("0 0 3 15 1 ? 2099", SHANGHAI,
				LocalDateTime.of(2027, 6, 1, 0, 0).atZone(SHANGHAI).toInstant()))
			.isEmpty();
	}

	private static int dueYear(String cron, LocalDateTime local) {
		return EcologyReportRuns.dueYear(cron, SHANGHAI, local.atZone(SHANGHAI).toInstant()).orElseThrow();
	}

}
