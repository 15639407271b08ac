package org.oversight.api.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file (RFC 4180: comma-separated, fields in double quotes may hold commas,
 * line breaks and doubled quotes) in one streaming pass after its encoding is known. The
 * encoding: a UTF-8 byte-order mark means UTF-8; otherwise the file is UTF-8 when it
 * decodes as strict UTF-8 from end to end, and GB18030 (which covers GBK and GB2312, as
 * Chinese spreadsheets save) when it does not.
 */
final class CsvReader {

	static final Charset GB18030 = Charset.forName("GB18030");

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private CsvReader() {
	}

	/** The encoding of the file: UTF-8 or GB18030. */
	static Charset detect(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(3);
			if (head.length == 3 && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2]) {
				return StandardCharsets.UTF_8;
			}
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (InputStream in = Files.newInputStream(file)) {
			ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
			CharBuffer chars = CharBuffer.allocate(64 * 1024);
			byte[] chunk = new byte[64 * 1024];
			int read;
			while ((read = in.read(chunk, 0, bytes.remaining())) > 0) {
				bytes.put(chunk, 0, read);
				bytes.flip();
				if (decoder.decode(bytes, chars, false).isError()) {
					return GB18030;
				}
				chars.clear();
				bytes.compact();
			}
			bytes.flip();
			if (decoder.decode(bytes, chars, true).isError() || decoder.flush(chars).isError()) {
				return GB18030;
			}
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException ex) {
			return GB18030;
		}
	}

	/** Reads the file as one sheet of the given name. */
	static void read(Path file, String sheetName, SheetHandler handler) throws IOException {
		Charset charset = detect(file);
		if (!handler.startSheet(sheetName)) {
			return;
		}
		try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset),
				64 * 1024)) {
			parse(reader, handler);
		}
		handler.endSheet();
	}

	/**
	 * Parses records; each record is one row, numbered from 1 as a spreadsheet would
	 * (blank records are skipped but still counted). A leading BOM is dropped.
	 */
	static void parse(Reader source, SheetHandler handler) throws IOException {
		Reader reader = source.markSupported() ? source : new BufferedReader(source);
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		boolean afterQuote = false;
		int record = 1;
		int c = reader.read();
		if (c == '\uFEFF') {
			c = reader.read();
		}
		while (c != -1) {
			if (quoted) {
				if (c == '"') {
					int next = reader.read();
					if (next == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						afterQuote = true;
						c = next;
						continue;
					}
				}
				else {
					field.append((char) c);
				}
			}
			else if (c == '"' && !fieldStarted) {
				quoted = true;
				fieldStarted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				fieldStarted = false;
				afterQuote = false;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r') {
					reader.mark(1);
					if (reader.read() != '\n') {
						reader.reset();
					}
				}
				fields.add(field.toString());
				emit(record++, fields, handler);
				fields.clear();
				field.setLength(0);
				fieldStarted = false;
				afterQuote = false;
			}
			else if (!afterQuote) {
				field.append((char) c);
				fieldStarted = true;
			}
			else if (!Character.isWhitespace(c)) {
				// text after a closing quote: keep it, as spreadsheets do
				field.append((char) c);
			}
			c = reader.read();
		}
		if (fieldStarted || !fields.isEmpty() || field.length() > 0) {
			fields.add(field.toString());
			emit(record, fields, handler);
		}
	}

	private static void emit(int record, List<String> fields, SheetHandler handler) {
		String[] cells = new String[fields.size()];
		boolean any = false;
		for (int i = 0; i < cells.length; i++) {
			String value = fields.get(i);
			if (!value.isBlank()) {
				cells[i] = value;
				any = true;
			}
		}
		if (any) {
			handler.row(record, cells);
		}
	}

}
