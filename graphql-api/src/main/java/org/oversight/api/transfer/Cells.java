package org.oversight.api.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Reads the typed values of one row, recording a reason for every cell that does not hold
 * what its column needs. The checks are the domain's own (lengths, code format, ranges),
 * so a row that passes them is refused later only for a reason that needs the database.
 */
final class Cells {

	private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._-]+");

	private static final Pattern DATE = Pattern
		.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T].*)?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:\\.0+)?");

	private static final Pattern LIST_SEPARATORS = Pattern.compile("[,，、;；\\s]+");

	private final Row row;

	private final List<Column> columns;

	private final ImportContext context;

	private boolean bad;

	Cells(Row row, List<Column> columns, ImportContext context) {
		this.row = row;
		this.columns = columns;
		this.context = context;
	}

	Row row() {
		return this.row;
	}

	/** Whether any cell of the row was refused. */
	boolean bad() {
		return this.bad;
	}

	/** Refuses the row for a reason found beyond its cells. */
	void reject(int column, Message reason) {
		Column c = (column >= 0) ? this.columns.get(column) : null;
		this.context.errors
			.add(ImportError.of(this.row.sheet(), this.row.number(), c, (column >= 0) ? raw(column) : null, reason));
		this.context.refused(this.row);
		this.bad = true;
	}

	String raw(int column) {
		String value = this.row.get(column);
		return (value != null && !value.isBlank()) ? value : null;
	}

	String text(int column, int maxLength) {
		String value = raw(column);
		if (value == null) {
			if (this.columns.get(column).required()) {
				reject(column, Message.of("必填项不能为空", "is required"));
			}
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > maxLength) {
			reject(column, Message.of("不能超过" + maxLength + "个字符", "must be at most " + maxLength + " characters"));
			return null;
		}
		return stripped;
	}

	String code(int column) {
		String value = text(column, 64);
		if (value != null && !CODE.matcher(value).matches()) {
			reject(column, Message.of("只能包含字母、数字、“.”、“_”和“-”", "may hold only letters, digits, '.', '_' and '-'"));
			return null;
		}
		return value;
	}

	LocalDate date(int column) {
		String value = text(column, 40);
		if (value == null) {
			return null;
		}
		LocalDate day = parseDate(value);
		if (day == null) {
			reject(column, Message.of("不是有效日期（应为 2024-01-31 这样的格式）", "is not a date (write it as 2024-01-31)"));
		}
		return day;
	}

	static LocalDate parseDate(String value) {
		try {
			Matcher m = DATE.matcher(value);
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)));
			}
			m = COMPACT_DATE.matcher(value);
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)));
			}
			if (SERIAL.matcher(value).matches()) {
				return DateUtil.getLocalDateTime(Double.parseDouble(value)).toLocalDate();
			}
		}
		catch (java.time.DateTimeException | NumberFormatException ex) {
			return null;
		}
		return null;
	}

	Integer integer(int column, int min, int max) {
		String value = text(column, 20);
		if (value == null) {
			return null;
		}
		try {
			String digits = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
			int number = Integer.parseInt(digits);
			if (number < min || number > max) {
				reject(column, Message.of("应在" + min + "到" + max + "之间", "must be between " + min + " and " + max));
				return null;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			reject(column, Message.of("不是整数", "is not a whole number"));
			return null;
		}
	}

	<E extends Enum<E>> E choice(int column, Choices<E> choices) {
		String value = text(column, 100);
		if (value == null) {
			return null;
		}
		E parsed = choices.parse(value);
		if (parsed == null) {
			String allowed = String.join("、", choices.labels());
			reject(column, Message.of("不是可选值之一：" + allowed, "is not one of: " + allowed));
		}
		return parsed;
	}

	/** Several codes in one cell, separated by commas, 、, semicolons or spaces. */
	List<String> codes(int column) {
		String value = raw(column);
		if (value == null) {
			if (this.columns.get(column).required()) {
				reject(column, Message.of("必填项不能为空", "is required"));
			}
			return List.of();
		}
		List<String> codes = Arrays.stream(LIST_SEPARATORS.split(value.strip())).filter((s) -> !s.isEmpty()).toList();
		for (String code : codes) {
			if (code.length() > 64 || !CODE.matcher(code).matches()) {
				reject(column, Message.of("编号“" + code + "”格式不正确", "code '" + code + "' is malformed"));
				return List.of();
			}
		}
		return codes;
	}

	/** One entry per line of the cell; blank lines are dropped. */
	List<String> lines(int column, int maxLength) {
		String value = raw(column);
		if (value == null) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		for (String line : value.split("\\r?\\n|\\r")) {
			if (!line.isBlank()) {
				if (line.strip().length() > maxLength) {
					reject(column, Message.of("每项不能超过" + maxLength + "个字符",
							"each entry must be at most " + maxLength + " characters"));
					return List.of();
				}
				lines.add(line.strip());
			}
		}
		return lines;
	}

}
