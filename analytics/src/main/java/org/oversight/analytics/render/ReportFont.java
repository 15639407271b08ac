package org.oversight.analytics.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CJK font every rendered report uses: WenQuanYi Micro Hei (Apache License 2.0),
 * shipped in this jar ({@code oversight/fonts/}), because a fresh machine has no Chinese
 * font. Registered once with AWT for the charts; its bytes go to the PDF, which embeds
 * the subset it needs.
 */
final class ReportFont {

	static final String FAMILY = "WenQuanYi Micro Hei";

	static final String RESOURCE = "/oversight/fonts/wqy-microhei.ttf";

	private static volatile ReportFont instance;

	private final byte[] bytes;

	private final Font font;

	private ReportFont(byte[] bytes) {
		this.bytes = bytes;
		try {
			this.font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
		}
		catch (FontFormatException ex) {
			throw new IllegalStateException("The shipped font " + RESOURCE + " is not a TrueType font", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(this.font);
	}

	static ReportFont get() {
		ReportFont font = instance;
		if (font == null) {
			synchronized (ReportFont.class) {
				font = instance;
				if (font == null) {
					if (System.getProperty("java.awt.headless") == null) {
						System.setProperty("java.awt.headless", "true");
					}
					font = new ReportFont(read());
					instance = font;
				}
			}
		}
		return font;
	}

	private static byte[] read() {
		try (InputStream in = ReportFont.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The report font " + RESOURCE + " is missing from the classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the report font " + RESOURCE, ex);
		}
	}

	/** The font at a size and style (bold is drawn from the regular face). */
	Font awt(int style, float size) {
		return this.font.deriveFont(style, size);
	}

	InputStream stream() {
		return new ByteArrayInputStream(this.bytes);
	}

}
