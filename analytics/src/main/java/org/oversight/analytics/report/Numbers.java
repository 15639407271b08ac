package org.oversight.analytics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How figures are written in Chinese prose: at most the given decimals, no trailing
 * zeros.
 */
final class Numbers {

	private Numbers() {
	}

	static String of(double value) {
		return of(value, 1);
	}

	static String of(double value, int decimals) {
		BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
		if (rounded.signum() == 0) {
			return "0";
		}
		return rounded.toPlainString();
	}

	/** A share in percent of two counts, one decimal. */
	static String percent(long part, long whole) {
		return (whole == 0) ? "0" : of(100.0 * part / whole, 1);
	}

	/** A value with its unit: "85.5%", "1.25个/百人", "30天". */
	static String withUnit(double value, String unit) {
		return of(value, 2) + unit;
	}

}
