package org.oversight.api.transfer;

import java.util.Locale;

/** The file formats an import reads. */
public enum ImportFormat {

	/** Office Open XML workbook, read by the streaming SAX reader. */
	XLSX,
	/** Comma-separated values, UTF-8 (with or without BOM) or GB18030. */
	CSV;

	/** From a file name's extension; null when it names neither. */
	public static ImportFormat fromFileName(String name) {
		if (name == null) {
			return null;
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
			return XLSX;
		}
		if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
			return CSV;
		}
		return null;
	}

}
