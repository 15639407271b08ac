package org.oversight.api.transfer;

/**
 * One data row of a sheet, its cells in the order of the kind's columns (null where a
 * column is empty or absent).
 */
record Row(String sheet, int number, String[] values) {

	String get(int column) {
		return (column < this.values.length) ? this.values[column] : null;
	}

}
