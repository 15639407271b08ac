package org.oversight.api.transfer;

import java.util.List;

/**
 * What an import did.
 *
 * @param kind what was imported
 * @param mode the mode it ran in
 * @param refused whether the file was refused as a whole: it could not be read, lacked a
 * required column, or had a bad row in all-or-nothing mode; nothing was stored
 * @param stored whether the rows were written (false when refused, and in check mode)
 * @param rows the data rows read
 * @param created rows that created a record (in check mode: would create)
 * @param updated rows that completed an existing record (an appointment's end)
 * @param unchanged rows whose record already exists with the same values
 * @param rejectedRows how many rows were refused
 * @param rejected every reason, by sheet, row and column (at most {@value #MAX_LISTED};
 * {@code truncated} tells when more were left off)
 * @param truncated whether reasons were left off
 * @param ignoredColumns headers that match no column of the kind
 */
public record ImportResult(String kind, String mode, boolean refused, boolean stored, int rows, int created,
		int updated, int unchanged, int rejectedRows, List<ImportError> rejected, boolean truncated,
		List<String> ignoredColumns) {

	public static final int MAX_LISTED = 10_000;

	/** Whether any row or the file was refused. */
	public boolean hasErrors() {
		return this.rejectedRows > 0 || !this.rejected.isEmpty();
	}

}
