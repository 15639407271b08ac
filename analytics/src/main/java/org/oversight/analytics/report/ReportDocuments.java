package org.oversight.analytics.report;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.oversight.analytics.indicator.Figures;

/**
 * A report as the document Spring Data's converter would store (the same keys and values,
 * {@code _class} included; {@code ReportDocumentsTests} holds them equal), built by hand:
 * writing the year's reports of a province through the generic converter cost more than
 * reading their sources. And the digest of a report's content, which decides whether a
 * recompute writes it.
 */
final class ReportDocuments {

	static final String CLASS = EcologyReport.class.getName();

	private static final RecordComponent[] FIGURES = Figures.class.getRecordComponents();

	private ReportDocuments() {
	}

	/** The stored document of the report, without its digest. */
	static Document of(EcologyReport report) {
		Document document = new Document("_id", report.id());
		document.put("organizationId", report.organizationId());
		document.put("organizationCode", report.organizationCode());
		document.put("organizationName", report.organizationName());
		putIfPresent(document, "level", (report.level() != null) ? report.level().name() : null);
		putIfPresent(document, "parentId", report.parentId());
		document.put("orgPath", new ArrayList<>(report.orgPath()));
		document.put("year", report.year());
		putIfPresent(document, "referenceDay", report.referenceDay());
		document.put("score", report.score());
		putIfPresent(document, "grade", (report.grade() != null) ? report.grade().name() : null);
		putIfPresent(document, "gradeLabel", report.gradeLabel());
		putIfPresent(document, "rankAmongPeers", report.rankAmongPeers());
		putIfPresent(document, "peerCount", report.peerCount());
		putIfPresent(document, "previousScore", report.previousScore());
		List<Document> dimensions = new ArrayList<>();
		for (EcologyReport.DimensionScore dimension : report.dimensions()) {
			Document row = new Document();
			putIfPresent(row, "code", dimension.code());
			putIfPresent(row, "dimension", dimension.dimension());
			row.put("score", dimension.score());
			row.put("lostPoints", dimension.lostPoints());
			dimensions.add(row);
		}
		document.put("dimensions", dimensions);
		List<Document> indicators = new ArrayList<>();
		for (EcologyReport.IndicatorValue indicator : report.indicators()) {
			Document row = new Document();
			putIfPresent(row, "code", indicator.code());
			putIfPresent(row, "name", indicator.name());
			putIfPresent(row, "dimension", indicator.dimension());
			putIfPresent(row, "unit", indicator.unit());
			putIfPresent(row, "value", indicator.value());
			putIfPresent(row, "score", indicator.score());
			row.put("weight", indicator.weight());
			row.put("points", indicator.points());
			row.put("lostPoints", indicator.lostPoints());
			row.put("lostShare", indicator.lostShare());
			indicators.add(row);
		}
		document.put("indicators", indicators);
		if (report.figures() != null) {
			document.put("figures", figures(report.figures()));
		}
		document.put("problemsToRectify", new ArrayList<>(report.problemsToRectify()));
		List<Document> followUps = new ArrayList<>();
		for (EcologyReport.FollowUp followUp : report.followUps()) {
			Document row = new Document();
			putIfPresent(row, "code", followUp.code());
			putIfPresent(row, "label", followUp.label());
			putIfPresent(row, "talkKind", (followUp.talkKind() != null) ? followUp.talkKind().name() : null);
			putIfPresent(row, "principalId", followUp.principalId());
			followUps.add(row);
		}
		document.put("followUps", followUps);
		putIfPresent(document, "narrative", report.narrative());
		putIfPresent(document, "generatedAt",
				(report.generatedAt() != null) ? java.util.Date.from(report.generatedAt()) : null);
		document.put("_class", CLASS);
		return document;
	}

	/** Every count of the figures, in their order. */
	static Document figures(Figures figures) {
		Document document = new Document();
		for (RecordComponent component : FIGURES) {
			try {
				document.put(component.getName(), component.getAccessor().invoke(figures));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return document;
	}

	private static void putIfPresent(Document document, String key, Object value) {
		if (value != null) {
			document.put(key, value);
		}
	}

	/**
	 * SHA-256 of everything in the document but the keys given, in its order: keys, types
	 * and values.
	 */
	static String digest(Document document, String... without) {
		Digester digester = DIGESTERS.get();
		MessageDigest sha = digester.sha;
		ByteBuffer buffer = digester.buffer;
		sha.reset();
		buffer.clear();
		List<String> left = List.of(without);
		for (Map.Entry<String, Object> entry : document.entrySet()) {
			if (!left.contains(entry.getKey())) {
				buffer = feed(sha, buffer, entry.getKey());
				buffer = feed(sha, buffer, entry.getValue());
			}
		}
		buffer.flip();
		sha.update(buffer);
		return HexFormat.of().formatHex(sha.digest());
	}

	/**
	 * A digest and its buffer, one per thread: a province's reports are digested on every
	 * core at once, and a buffer allocated (and zeroed) per report cost more than the
	 * hashing. Bytes are fed through the buffer in the same order whatever its size, so
	 * the digest does not depend on it.
	 */
	private static final ThreadLocal<Digester> DIGESTERS = ThreadLocal.withInitial(Digester::new);

	private static final class Digester {

		private final MessageDigest sha;

		private final ByteBuffer buffer = ByteBuffer.allocate(1 << 12);

		Digester() {
			try {
				this.sha = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private static ByteBuffer feed(MessageDigest sha, ByteBuffer buffer, Object value) {
		if (buffer.remaining() < 64) {
			buffer.flip();
			sha.update(buffer);
			buffer.clear();
		}
		if (value == null) {
			buffer.put((byte) 0);
		}
		else if (value instanceof String text) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			buffer.put((byte) 1).putInt(bytes.length);
			if (bytes.length <= buffer.remaining()) {
				buffer.put(bytes);
			}
			else {
				buffer.flip();
				sha.update(buffer);
				buffer.clear();
				sha.update(bytes);
			}
		}
		else if (value instanceof Integer number) {
			buffer.put((byte) 2).putInt(number);
		}
		else if (value instanceof Long number) {
			buffer.put((byte) 3).putLong(number);
		}
		else if (value instanceof Double number) {
			buffer.put((byte) 4).putDouble(number);
		}
		else if (value instanceof Boolean flag) {
			buffer.put((byte) 5).put((byte) (flag ? 1 : 0));
		}
		else if (value instanceof LocalDate day) {
			buffer.put((byte) 6).putLong(day.toEpochDay());
		}
		else if (value instanceof List<?> list) {
			buffer.put((byte) 7).putInt(list.size());
			for (Object element : list) {
				buffer = feed(sha, buffer, element);
			}
		}
		else if (value instanceof Document nested) {
			buffer.put((byte) 8).putInt(nested.size());
			for (Map.Entry<String, Object> entry : nested.entrySet()) {
				buffer = feed(sha, buffer, entry.getKey());
				buffer = feed(sha, buffer, entry.getValue());
			}
		}
		else {
			throw new IllegalArgumentException("no digest for a " + value.getClass().getName());
		}
		return buffer;
	}

}
