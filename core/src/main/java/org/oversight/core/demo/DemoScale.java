package org.oversight.core.demo;

/**
 * How large the demo province is for a scale {@code s >= 1}. Each branching factor grows
 * with a small power of the scale, so the whole tree grows roughly linearly:
 *
 * <pre>
 * cities                 C = max(2, round(2 * s^0.25))
 * counties per city      K = max(2, round(2 * s^0.25))
 * townships per county   T = max(3, round(3 * s^0.25))
 * villages per township  V = max(3, round(3 * s^0.30))
 * departments per body   D = min(20, 5 + floor(log2 s))
 * </pre>
 *
 * A "body" is the province, a city or a county: its party committee plus a government, a
 * discipline commission, D departments, an enterprise and an institution, so D + 5
 * organizations. Organizations = (1 + C + C*K) * (D + 5) + C*K*T + C*K*T*V.
 *
 * <pre>
 * scale    C  K  T  V  D   counties  townships  villages  organizations
 *     1    2  2  3  3  5          4         12        36            118
 *    10    4  4  5  6  8         16         80       480            833
 *    20    4  4  6  7  9         16         96       672          1,062
 *   100    6  6  9 12 11         36        324     3,888          4,900
 *   300    8  8 12 17 13         64        768    13,056         15,138
 * </pre>
 *
 * @param cities cities below the province
 * @param countiesPerCity counties (or districts) below each city
 * @param townshipsPerCounty townships below each county
 * @param villagesPerTownship villages (or communities) below each township
 * @param departmentsPerBody departments of the province, each city and each county
 */
record DemoScale(int cities, int countiesPerCity, int townshipsPerCounty, int villagesPerTownship,
		int departmentsPerBody) {

	static DemoScale of(int scale) {
		if (scale < 1) {
			throw new IllegalArgumentException("The demo scale must be at least 1, not " + scale);
		}
		double s = scale;
		int departments = Math.min(DemoTexts.DEPARTMENTS.size(), 5 + (31 - Integer.numberOfLeadingZeros(scale)));
		return new DemoScale(atLeast(2, 2 * Math.pow(s, 0.25)), atLeast(2, 2 * Math.pow(s, 0.25)),
				atLeast(3, 3 * Math.pow(s, 0.25)), atLeast(3, 3 * Math.pow(s, 0.30)), departments);
	}

	private static int atLeast(int minimum, double value) {
		return (int) Math.max(minimum, Math.round(value));
	}

	int counties() {
		return this.cities * this.countiesPerCity;
	}

	int townships() {
		return counties() * this.townshipsPerCounty;
	}

	int villages() {
		return townships() * this.villagesPerTownship;
	}

	int bodies() {
		return 1 + this.cities + counties();
	}

	int organizations() {
		return bodies() * (this.departmentsPerBody + 5) + townships() + villages();
	}

}
