package org.oversight.api.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an .xlsx with POI's event model: each sheet's XML is parsed by SAX and handed on
 * row by row, so memory holds the shared strings and one row, never a workbook model.
 * Cells formatted as dates come out as ISO dates ({@code 2024-01-31}), whole numbers
 * without separators or decimals, everything else as Excel shows it.
 */
final class XlsxReader {

	private XlsxReader() {
	}

	/** The names of the workbook's sheets, in order, without reading their rows. */
	static List<String> sheetNames(Path file) throws IOException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
			List<String> names = new ArrayList<>();
			while (sheets.hasNext()) {
				sheets.next().close();
				names.add(sheets.getSheetName());
			}
			return names;
		}
		catch (InvalidFormatException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException ex) {
			throw new IOException("not an .xlsx workbook", ex);
		}
		catch (OpenXML4JException ex) {
			throw new IOException("the workbook cannot be read: " + ex.getMessage(), ex);
		}
	}

	static void read(Path file, SheetHandler handler) throws IOException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream sheet = sheets.next()) {
					if (!handler.startSheet(sheets.getSheetName())) {
						continue;
					}
					XMLReader parser = org.apache.poi.util.XMLHelper.newXMLReader();
					parser.setContentHandler(
							new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler), new IsoDates(), false));
					parser.parse(new InputSource(sheet));
					handler.endSheet();
				}
			}
		}
		catch (InvalidFormatException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException ex) {
			throw new IOException("not an .xlsx workbook", ex);
		}
		catch (OpenXML4JException | SAXException | ParserConfigurationException ex) {
			throw new IOException("the workbook cannot be read: " + ex.getMessage(), ex);
		}
	}

	/** Collects the cells of one row and hands the row on at its end. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final SheetHandler handler;

		private final List<String> cells = new ArrayList<>();

		private int nextColumn;

		private boolean any;

		Rows(SheetHandler handler) {
			this.handler = handler;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells.clear();
			this.nextColumn = 0;
			this.any = false;
		}

		@Override
		public void endRow(int rowNum) {
			if (this.any) {
				this.handler.row(rowNum + 1, this.cells.toArray(new String[0]));
			}
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			int column = (cellReference != null) ? new CellReference(cellReference).getCol() : this.nextColumn;
			this.nextColumn = column + 1;
			while (this.cells.size() <= column) {
				this.cells.add(null);
			}
			if (formattedValue != null && !formattedValue.isBlank()) {
				this.cells.set(column, formattedValue);
				this.any = true;
			}
		}

	}

	/** Dates as ISO dates; whole numbers as plain integers. */
	static final class IsoDates extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime time = DateUtil.getLocalDateTime(value);
				LocalDate day = time.toLocalDate();
				return day.toString();
			}
			if (value == Math.rint(value) && Math.abs(value) < 1e15) {
				return Long.toString((long) value);
			}
			return super.formatRawCellContents(value, formatIndex, formatString);
		}

	}

}
