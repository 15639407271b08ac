package org.oversight.api.transfer;

/**
 * Why one row (or the file) was refused: where, what was there, and why, in Chinese and
 * English. {@code row} counts as a spreadsheet does: the header is row 1; 0 means the
 * file as a whole.
 *
 * @param sheet the sheet (the kind's sheet name for a CSV)
 * @param row the row number, header = 1
 * @param column the column's header, or null for the row as a whole
 * @param value the cell's text, or null
 * @param reason the reason in Chinese
 * @param reasonEn the reason in English
 */
public record ImportError(String sheet, int row, String column, String value, String reason, String reasonEn) {

	static ImportError of(String sheet, int row, Column column, String value, Message message) {
		return new ImportError(sheet, row, (column != null) ? column.header() : null, value, message.zh(),
				message.en());
	}

}
