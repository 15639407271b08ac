package org.oversight.analytics.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.analytics.facts.AnalyticsReads;
import org.oversight.analytics.indicator.Figures;

/**
 * The stored reports and roll-ups as the generation reads and writes them: by id, with
 * projections, and in bulk. Each stored report carries {@value #DIGEST}, a digest of its
 * content without {@code generatedAt}, so a recompute writes only the reports whose
 * content changed: inserted when absent, replaced by {@code _id} otherwise (both served
 * by the {@code _id} index, also on the embedded server).
 */
@Component
class StoredReports implements DisposableBean {

	static final String COLLECTION = "ecology_reports";

	static final String DIGEST = "contentDigest";

	static final int IDS_PER_READ = 500;

	/** Reports built, compared and written at a time. */
	static final int WRITE_BATCH = 2_000;

	private final MongoTemplate mongo;

	private final ExecutorService writer;

	StoredReports(MongoTemplate mongo) {
		this.mongo = mongo;
		AtomicInteger threads = new AtomicInteger();
		this.writer = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "report-writes-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** The score of each organization's report of the year among those given. */
	Map<String, Double> scores(Collection<String> organizationIds, int year) {
		Map<String, Double> scores = new HashMap<>();
		for (Document row : byIds(organizationIds, year, "organizationId", "score")) {
			scores.put(row.getString("organizationId"), ((Number) row.get("score")).doubleValue());
		}
		return scores;
	}

	/** The ids of the year's reports matching the criteria. */
	List<String> ids(int year, Criteria criteria) {
		Query query = Query.query(new Criteria().andOperator(Criteria.where("year").is(year), criteria));
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, COLLECTION).stream().map(AnalyticsReads::id).toList();
	}

	void remove(Collection<String> ids) {
		if (!ids.isEmpty()) {
			this.mongo.getCollection(COLLECTION).deleteMany(Filters.in("_id", ids));
		}
	}

	/** The year's reports of the organizations given, whole. */
	List<EcologyReport> reports(Collection<String> organizationIds, int year) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		return byIds(organizationIds.stream().map((id) -> EcologyReport.key(id, year)).toList(), EcologyReport.class);
	}

	/** Every report of the year whose organization has the parent (all levels). */
	List<EcologyReport> children(int year, String parentId) {
		return this.mongo.find(Query.query(Criteria.where("year").is(year).and("parentId").is(parentId)),
				EcologyReport.class);
	}

	/**
	 * The score of every report of the peer group's year, level and parent, by
	 * organization.
	 */
	Map<String, Double> peerScores(int year, Object level, String parentId) {
		Query query = Query
			.query(Criteria.where("year").is(year).and("level").is(level.toString()).and("parentId").is(parentId));
		query.fields().include("organizationId", "score");
		Map<String, Double> scores = new LinkedHashMap<>();
		for (Document row : this.mongo.find(query, Document.class, COLLECTION)) {
			scores.put(row.getString("organizationId"), ((Number) row.get("score")).doubleValue());
		}
		return scores;
	}

	/**
	 * Writes the reports whose stored content differs (or that are not stored) in one
	 * unordered bulk write; returns how many were written.
	 */
	int write(List<EcologyReport> reports) {
		int written = 0;
		CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
		for (int from = 0; from < reports.size(); from += WRITE_BATCH) {
			List<EcologyReport> batch = reports.subList(from, Math.min(reports.size(), from + WRITE_BATCH));
			Map<String, String> stored = new HashMap<>();
			for (Document row : byIds(batch.stream().map(EcologyReport::id).toList(), Document.class, DIGEST)) {
				stored.put(AnalyticsReads.id(row), String.valueOf(row.get(DIGEST)));
			}
			List<Document> built = batch.parallelStream().map(this::document).toList();
			List<WriteModel<Document>> writes = new ArrayList<>();
			for (int i = 0; i < batch.size(); i++) {
				String id = batch.get(i).id();
				Document document = built.get(i);
				if (!stored.containsKey(id)) {
					writes.add(new InsertOneModel<>(document));
				}
				else if (!stored.get(id).equals(document.getString(DIGEST))) {
					writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), document));
				}
			}
			written += writes.size();
			// the database stores this batch while the next one is built
			FactsReader.join(writing);
			writing = CompletableFuture.runAsync(() -> bulk(writes), this.writer);
		}
		FactsReader.join(writing);
		return written;
	}

	@Override
	public void destroy() {
		this.writer.shutdownNow();
	}

	/**
	 * Replaces a report only if the stored one is still the one read (same computation,
	 * same rank): a run that rewrote it since ranks its peers again after its own write.
	 */
	boolean replaceIfUnchanged(EcologyReport report, EcologyReport read) {
		var filter = Filters.and(Filters.eq("_id", read.id()), Filters.eq("generatedAt", Date.from(read.generatedAt())),
				Filters.eq("rankAmongPeers", read.rankAmongPeers()), Filters.eq("peerCount", read.peerCount()));
		return this.mongo.getCollection(COLLECTION).replaceOne(filter, document(report)).getModifiedCount() > 0;
	}

	private void bulk(List<WriteModel<Document>> writes) {
		if (writes.isEmpty()) {
			return;
		}
		MongoCollection<Document> collection = this.mongo.getCollection(COLLECTION);
		try {
			collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			// inserted meanwhile by another run: replace those by id
			List<WriteModel<Document>> again = new ArrayList<>();
			for (BulkWriteError error : ex.getWriteErrors()) {
				WriteModel<Document> failed = writes.get(error.getIndex());
				if (error.getCode() != 11000 || !(failed instanceof InsertOneModel<Document> insert)) {
					throw ex;
				}
				Document document = insert.getDocument();
				again.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document,
						new ReplaceOptions().upsert(true)));
			}
			collection.bulkWrite(again, new BulkWriteOptions().ordered(false));
		}
	}

	/** The report as stored, with the digest of its content. */
	Document document(EcologyReport report) {
		Document document = ReportDocuments.of(report);
		document.put(DIGEST, ReportDocuments.digest(document, "generatedAt"));
		return document;
	}

	// ---- roll-ups ----

	/** Stores what the subtrees' roots pass up, replacing the year's previous ones. */
	void saveRollUps(List<RollUp> rollUps) {
		List<WriteModel<Document>> writes = new ArrayList<>();
		for (RollUp rollUp : rollUps) {
			Document document = new Document("_id", RollUp.key(rollUp.organizationId(), rollUp.year()))
				.append("organizationId", rollUp.organizationId())
				.append("parentId", rollUp.parentId())
				.append("year", rollUp.year())
				.append("figures", ReportDocuments.figures(rollUp.figures()))
				.append("cadres", rollUp.cadres().stream().sorted().toList());
			List<Document> principals = new ArrayList<>();
			for (RollUp.Counted counted : rollUp.principals()) {
				principals.add(new Document("cadreId", counted.cadreId()).append("postId", counted.postId())
					.append("depth", counted.depth())
					.append("start", AnalyticsReads.day(counted.start()))
					.append("supervised", counted.supervised())
					.append("isNew", counted.isNew())
					.append("timely", counted.timely()));
			}
			document.append("principals", principals).append("storedAt", new Date());
			writes.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document,
					new ReplaceOptions().upsert(true)));
		}
		if (!writes.isEmpty()) {
			this.mongo.getCollection(RollUp.COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
		}
	}

	/** The stored roll-ups of the organizations for the year, by organization. */
	Map<String, RollUp> rollUps(Collection<String> organizationIds, int year) {
		Map<String, RollUp> result = new HashMap<>();
		if (organizationIds.isEmpty()) {
			return result;
		}
		List<String> ids = organizationIds.stream().map((id) -> RollUp.key(id, year)).toList();
		for (Document row : this.mongo.getCollection(RollUp.COLLECTION).find(Filters.in("_id", ids))) {
			List<RollUp.Counted> principals = new ArrayList<>();
			for (Document counted : row.getList("principals", Document.class, List.of())) {
				principals.add(new RollUp.Counted(counted.getString("cadreId"), counted.getString("postId"),
						counted.getInteger("depth"), AnalyticsReads.day(counted, "start"),
						counted.getBoolean("supervised"), counted.getBoolean("isNew"), counted.getBoolean("timely")));
			}
			result.put(row.getString("organizationId"),
					new RollUp(row.getString("organizationId"), row.getString("parentId"), row.getInteger("year"),
							this.mongo.getConverter().read(Figures.class, row.get("figures", Document.class)),
							Set.copyOf(AnalyticsReads.strings(row, "cadres")), principals));
		}
		return result;
	}

	private List<Document> byIds(Collection<String> organizationIds, int year, String... fields) {
		return byIds(organizationIds.stream().map((id) -> EcologyReport.key(id, year)).toList(), Document.class,
				fields);
	}

	/**
	 * The reports of the ids, in lists of at most {@value #IDS_PER_READ}: the embedded
	 * server finds each id in its index but then compares every document found with every
	 * element of the {@code $in}, so one read of n ids costs n² comparisons.
	 */
	private <T> List<T> byIds(List<String> ids, Class<T> type, String... fields) {
		List<T> found = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
			Query query = Query
				.query(Criteria.where("_id").in(ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ))));
			if (fields.length > 0) {
				query.fields().include(fields);
			}
			found.addAll(this.mongo.find(query, type, COLLECTION));
		}
		return found;
	}

}
