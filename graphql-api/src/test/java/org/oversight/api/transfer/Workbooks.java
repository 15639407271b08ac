package org.oversight.api.transfer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds test workbooks and CSVs, and reads workbooks back as text. */
final class Workbooks {

	private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

	static Workbooks create() {
		return new Workbooks();
	}

	/** A sheet: the first row holds the headers. Dates become date cells. */
	Workbooks sheet(String name, List<?>... rows) {
		List<List<Object>> all = new ArrayList<>();
		for (List<?> row : rows) {
			all.add(new ArrayList<>(row));
		}
		this.sheets.put(name, all);
		return this;
	}

	static List<Object> row(Object... cells) {
		return Arrays.asList(cells);
	}

	byte[] xlsx() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
			for (Map.Entry<String, List<List<Object>>> entry : this.sheets.entrySet()) {
				Sheet sheet = workbook.createSheet(entry.getKey());
				int r = 0;
				for (List<Object> values : entry.getValue()) {
					Row row = sheet.createRow(r++);
					for (int c = 0; c < values.size(); c++) {
						Object value = values.get(c);
						if (value == null) {
							continue;
						}
						Cell cell = row.createCell(c);
						if (value instanceof LocalDate day) {
							cell.setCellValue(day);
							cell.setCellStyle(date);
						}
						else if (value instanceof Number number) {
							cell.setCellValue(number.doubleValue());
						}
						else {
							cell.setCellValue(value.toString());
						}
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The only sheet as CSV text: fields quoted where needed, CRLF line ends. */
	String csv() {
		StringBuilder text = new StringBuilder();
		for (List<Object> row : this.sheets.values().iterator().next()) {
			List<String> fields = new ArrayList<>();
			for (Object value : row) {
				String field = (value == null) ? "" : value.toString();
				if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
					field = "\"" + field.replace("\"", "\"\"") + "\"";
				}
				fields.add(field);
			}
			text.append(String.join(",", fields)).append("\r\n");
		}
		return text.toString();
	}

	byte[] csv(Charset charset, boolean bom) {
		byte[] body = csv().getBytes(charset);
		if (!bom) {
			return body;
		}
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, withBom, 3, body.length);
		return withBom;
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Every sheet of a workbook as rows of cell texts (dates as ISO dates). */
	static Map<String, List<List<String>>> read(byte[] xlsx) {
		Map<String, List<List<String>>> result = new LinkedHashMap<>();
		DataFormatter formatter = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook) {
				List<List<String>> rows = new ArrayList<>();
				for (Row row : sheet) {
					List<String> cells = new ArrayList<>();
					for (int c = 0; c < row.getLastCellNum(); c++) {
						Cell cell = row.getCell(c);
						if (cell == null) {
							cells.add("");
						}
						else if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
								&& DateUtil.isCellDateFormatted(cell)) {
							cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
						}
						else {
							cells.add(formatter.formatCellValue(cell));
						}
					}
					rows.add(cells);
				}
				result.put(sheet.getSheetName(), rows);
			}
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
