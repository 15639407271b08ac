package org.oversight.api.transfer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV parser, encoding detection and date reading, without a server. */
class CsvReaderTests {

	@TempDir
	Path directory;

	static List<String> parse(String text) throws IOException {
		List<String> rows = new ArrayList<>();
		CsvReader.parse(new StringReader(text), new SheetHandler() {
			@Override
			public boolean startSheet(String name) {
				return true;
			}

			@Override
			public void row(int number, String[] cells) {
				rows.add(number + ":" + Arrays.toString(cells));
			}

			@Override
			public void endSheet() {
			}
		});
		return rows;
	}

	@Test
	void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
		assertThat(parse("\uFEFFa,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,,\r\nlast,,row"))
			.containsExactly("1:[a, b, c]", "2:[x,1, say \"hi\", two\nlines]", "4:[last, null, row]");
	}

	@Test
	void readsLoneCarriageReturnsAndAMissingFinalLineBreak() throws IOException {
		assertThat(parse("a\rb\n\nc")).containsExactly("1:[a]", "2:[b]", "4:[c]");
	}

	@Test
	void detectsTheEncoding() throws IOException {
		Path bom = this.directory.resolve("bom.csv");
		Files.write(bom, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a' });
		Path utf8 = this.directory.resolve("utf8.csv");
		Files.write(utf8, "姓名,张三".repeat(20_000).getBytes(StandardCharsets.UTF_8));
		Path gb = this.directory.resolve("gb.csv");
		Files.write(gb, "姓名,张三".repeat(20_000).getBytes(CsvReader.GB18030));
		Path ascii = this.directory.resolve("ascii.csv");
		Files.write(ascii, "code,name".getBytes(StandardCharsets.US_ASCII));

		assertThat(CsvReader.detect(bom)).isEqualTo(StandardCharsets.UTF_8);
		assertThat(CsvReader.detect(utf8)).isEqualTo(StandardCharsets.UTF_8);
		assertThat(CsvReader.detect(gb)).isEqualTo(CsvReader.GB18030);
		assertThat(CsvReader.detect(ascii)).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void readsTheDatesSpreadsheetsWrite() {
		LocalDate day = LocalDate.of(2024, 3, 5);
		for (String text : List.of("2024-03-05", "2024/3/5", "2024.03.05", "2024年3月5日", "20240305", "45356",
				"2024-03-05 00:00:00")) {
			assertThat(Cells.parseDate(text)).as(text).isEqualTo(day);
		}
		assertThat(Cells.parseDate("2024-02-30")).isNull();
		assertThat(Cells.parseDate("yesterday")).isNull();
	}

	@Test
	void matchesHeadersInChineseOrEnglish() {
		Column column = CadreSheet.COLUMNS.get(CadreSheet.BIRTH_YEAR);
		assertThat(column.matches(" 出生年份 *")).isTrue();
		assertThat(column.matches("Birth_Year")).isTrue();
		assertThat(column.matches("birth year")).isTrue();
		assertThat(column.matches("出生日期")).isFalse();
	}

}
