package org.oversight.api.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.stereotype.Component;

/**
 * The empty workbooks users fill in: one sheet per kind with the Chinese headers
 * (required ones in red), drop-down lists where a column takes fixed values, text format
 * for the code columns (so leading zeros stay), and a sheet 填写说明 describing each column
 * in Chinese and English.
 */
@Component
public class Templates {

	static final String INSTRUCTIONS = "填写说明";

	private static final int VALIDATED_ROWS = 10_000;

	/** Writes the template of the kind (a roster: every sheet). */
	public void write(TransferKind kind, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			Font red = workbook.createFont();
			red.setBold(true);
			red.setColor(IndexedColors.RED.getIndex());
			CellStyle optional = workbook.createCellStyle();
			optional.setFont(bold);
			CellStyle required = workbook.createCellStyle();
			required.setFont(red);
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			for (TransferKind sheetKind : kind.sheets()) {
				XSSFSheet sheet = workbook.createSheet(sheetKind.sheetName());
				Row header = sheet.createRow(0);
				List<Column> columns = importColumns(sheetKind);
				for (int i = 0; i < columns.size(); i++) {
					Column column = columns.get(i);
					Cell cell = header.createCell(i);
					cell.setCellValue(column.header());
					cell.setCellStyle(column.required() ? required : optional);
					sheet.setColumnWidth(i, Math.max(14, column.header().length() * 4) * 256);
					if (isDate(column)) {
						sheet.setDefaultColumnStyle(i, date);
					}
					else if (!column.name().equals("birthYear")) {
						sheet.setDefaultColumnStyle(i, text);
					}
					if (!column.allowed().isEmpty()) {
						DataValidationHelper helper = sheet.getDataValidationHelper();
						DataValidation validation = helper.createValidation(
								helper.createExplicitListConstraint(column.allowed().toArray(new String[0])),
								new CellRangeAddressList(1, VALIDATED_ROWS, i, i));
						validation.setShowErrorBox(false);
						sheet.addValidationData(validation);
					}
				}
				sheet.createFreezePane(0, 1);
			}
			instructions(workbook, kind, optional);
			workbook.write(out);
		}
	}

	static List<Column> importColumns(TransferKind kind) {
		return kind.columns().stream().filter((c) -> !c.exportOnly()).toList();
	}

	static boolean isDate(Column column) {
		return column.header().endsWith("日期") || column.header().equals("整改期限");
	}

	private static void instructions(XSSFWorkbook workbook, TransferKind kind, CellStyle bold) {
		XSSFSheet sheet = workbook.createSheet(INSTRUCTIONS);
		int next = 0;
		Row title = sheet.createRow(next++);
		title.createCell(0)
			.setCellValue("表头为第1行，数据从第2行开始；按表头名称匹配列，列的顺序不限。日期写作 2024-01-31。"
					+ " / Row 1 holds the headers, data starts on row 2; columns are matched by header, in any order."
					+ " Dates as 2024-01-31.");
		next++;
		Row header = sheet.createRow(next++);
		String[] headers = { "工作表 Sheet", "列名 Column", "English", "必填 Required", "说明", "Description", "可选值 Values" };
		for (int i = 0; i < headers.length; i++) {
			Cell cell = header.createCell(i);
			cell.setCellValue(headers[i]);
			cell.setCellStyle(bold);
		}
		for (TransferKind sheetKind : kind.sheets()) {
			for (Column column : importColumns(sheetKind)) {
				Row row = sheet.createRow(next++);
				row.createCell(0).setCellValue(sheetKind.sheetName());
				row.createCell(1).setCellValue(column.header());
				row.createCell(2).setCellValue(column.name());
				row.createCell(3).setCellValue(column.required() ? "是 yes" : "否 no");
				row.createCell(4).setCellValue(column.note().zh());
				row.createCell(5).setCellValue(column.note().en());
				row.createCell(6).setCellValue(String.join("、", column.allowed()));
			}
		}
		int[] widths = { 12, 18, 26, 12, 50, 60, 60 };
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
	}

}
