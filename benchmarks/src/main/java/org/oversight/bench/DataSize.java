package org.oversight.bench;

import java.util.Locale;

/**
 * A data size of the benchmark: the shape of the organization tree (the same shape as the
 * demo province: a province, cities, counties, townships and villages, every province,
 * city and county a "body" of committee, government, discipline commission, departments,
 * an enterprise and an institution) and the number of records to write.
 *
 * @param name S, M or L
 * @param cities cities below the province
 * @param countiesPerCity counties below each city
 * @param townshipsPerCounty townships below each county
 * @param villagesPerTownship villages below each township
 * @param departmentsPerBody departments of each body
 * @param cadres cadres (people) to register
 * @param talks talks of every kind
 * @param findings findings, dismissed ones included
 * @param rectifications rectification tasks
 */
record DataSize(String name, int cities, int countiesPerCity, int townshipsPerCounty, int villagesPerTownship,
		int departmentsPerBody, int cadres, int talks, int findings, int rectifications) {

	/** A county or small city: about 1,000 organizations and 50,000 records. */
	static final DataSize S = new DataSize("S", 4, 4, 6, 7, 9, 6_000, 17_000, 8_500, 11_500);

	/**
	 * A province: about 17,000 organizations, 100,000 cadres, 300,000 talks, 150,000
	 * findings, 200,000 rectification tasks.
	 */
	static final DataSize M = new DataSize("M", 8, 8, 12, 19, 13, 100_000, 300_000, 150_000, 200_000);

	/** Ten times M: for a real MongoDB only. */
	static final DataSize L = new DataSize("L", 16, 16, 20, 30, 16, 1_000_000, 3_000_000, 1_500_000, 2_000_000);

	static DataSize of(String name) {
		return switch (name.toUpperCase(Locale.ROOT)) {
			case "S" -> S;
			case "M" -> M;
			case "L" -> L;
			default -> throw new IllegalArgumentException("bench.size is S, M or L, not " + name);
		};
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

	/**
	 * Each body: committee, government, commission, departments, enterprise, institution.
	 */
	int organizations() {
		return bodies() * (this.departmentsPerBody + 5) + townships() + villages();
	}

}
