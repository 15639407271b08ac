package org.oversight.api.transfer;

/** Receives the rows of a file, sheet by sheet, as they are read. */
interface SheetHandler {

	/** A sheet begins; false skips it. */
	boolean startSheet(String name);

	/**
	 * One row that has at least one cell.
	 * @param number the row number as the spreadsheet shows it (1 for the first)
	 * @param cells the cell texts by column (0 = A), null where empty
	 */
	void row(int number, String[] cells);

	void endSheet();

}
