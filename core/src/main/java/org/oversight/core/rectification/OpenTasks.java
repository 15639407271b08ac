package org.oversight.core.rectification;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.core.common.DomainException;
import org.oversight.core.common.Keyset;
import org.oversight.core.common.Page;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Scope;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.lookup.LookupSource;
import org.oversight.core.tally.SubtreeTallies;

/**
 * The tasks that can become overdue (ASSIGNED, IN_PROGRESS), listed by organization and
 * deadline for every organization on their path ({@code <org>|2026-06-30}), so the
 * overdue list of any subtree is read by id: the subtree's tallies say which deadlines
 * hold how many such tasks, the lists give their ids, and only the tasks of the page's
 * deadlines are read. On a MongoDB with the indexes this is no faster than the query; on
 * the embedded server, which scans for any other filter, it is what keeps the overdue
 * list fast at province scale.
 */
@Component
public class OpenTasks {

	static final Set<RectificationStatus> OPEN = Set.of(RectificationStatus.ASSIGNED, RectificationStatus.IN_PROGRESS);

	/**
	 * The lookup list: open tasks by organization (every one on the path) and deadline.
	 */
	public static final LookupSource LIST = new LookupSource("open-tasks", "rectifications",
			new Document("status", new Document("$in", List.of("ASSIGNED", "IN_PROGRESS"))), "orgPath",
			new Document("$concat", List.of("$orgPath", "|",
					new Document("$dateToString", new Document("format", "%Y-%m-%d").append("date", "$deadline")))));

	private final LookupLists lookups;

	private final SubtreeTallies tallies;

	private final MongoTemplate mongo;

	OpenTasks(LookupLists lookups, SubtreeTallies tallies, MongoTemplate mongo) {
		this.lookups = lookups;
		this.tallies = tallies;
		this.mongo = mongo;
	}

	static Set<String> keys(Rectification task) {
		if (!OPEN.contains(task.status())) {
			return Set.of();
		}
		Set<String> keys = new LinkedHashSet<>();
		task.orgPath().forEach((org) -> keys.add(org + "|" + task.deadline()));
		return keys;
	}

	/** Before a task is written in this state: lists it under its keys. */
	void listing(Rectification task) {
		listing(List.of(task));
	}

	/** Before tasks are written in these states: lists them under their keys. */
	void listing(Collection<Rectification> tasks) {
		Map<String, List<String>> byKey = new LinkedHashMap<>();
		tasks.forEach((task) -> keys(task)
			.forEach((key) -> byKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(task.id())));
		this.lookups.addAll(LIST, byKey);
	}

	/**
	 * After a task left the keys {@code before}: unlists it from those it no longer has.
	 */
	void unlisting(Set<String> before, Rectification task) {
		Set<String> gone = new LinkedHashSet<>(before);
		gone.removeAll(keys(task));
		gone.forEach((key) -> this.lookups.remove(LIST, key, task.id()));
	}

	/**
	 * The page of the overdue tasks of the subtree of {@code under} (within the scope) in
	 * the list's default order (most days overdue first, then id), or empty when the read
	 * models are not built yet.
	 */
	public Optional<Page<Rectification>> overduePage(Scope scope, String under, PageRequest request, LocalDate today) {
		if (request.first() == 0) {
			return Optional.of(Page.empty());
		}
		LocalDate afterDeadline = null;
		String afterId = null;
		if (request.after() != null) {
			List<Object> cursor = Keyset.decode(request.after());
			if (cursor.size() != 3 || !Integer.valueOf(0).equals(cursor.get(0)) || !(cursor.get(1) instanceof Date date)
					|| !ObjectId.isValid(String.valueOf(cursor.get(2)))) {
				throw DomainException.invalid("after", "is not a cursor of this list");
			}
			afterDeadline = date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
			afterId = String.valueOf(cursor.get(2));
		}
		Optional<Map<String, Map<String, Long>>> counts = this.tallies.read(RectificationTally.SOURCE, List.of(under),
				OPEN.stream().map(Enum::name).toList());
		if (counts.isEmpty() || !this.lookups.built(LIST)) {
			return Optional.empty();
		}
		TreeMap<LocalDate, Long> perDeadline = new TreeMap<>();
		counts.get().getOrDefault(under, Map.of()).forEach((key, n) -> {
			int bar = key.indexOf('|');
			RectificationStatus status = RectificationStatus.valueOf(key.substring(0, bar));
			LocalDate deadline = LocalDate.parse(key.substring(bar + 1));
			if (OPEN.contains(status) && deadline.isBefore(today)) {
				perDeadline.merge(deadline, n, Long::sum);
			}
		});
		List<LocalDate> deadlines = new ArrayList<>(
				(afterDeadline != null) ? perDeadline.tailMap(afterDeadline, true).keySet() : perDeadline.keySet());
		int wanted = request.first() + 1;
		List<Rectification> rows = new ArrayList<>();
		int next = 0;
		while (rows.size() < wanted && next < deadlines.size()) {
			Set<LocalDate> batch = new LinkedHashSet<>();
			long expected = 0;
			while (next < deadlines.size() && (batch.isEmpty() || rows.size() + expected < wanted)) {
				LocalDate deadline = deadlines.get(next++);
				batch.add(deadline);
				expected += perDeadline.get(deadline);
			}
			List<String> ids = this.lookups
				.union(LIST, batch.stream().map((deadline) -> under + "|" + deadline).toList())
				.orElse(List.of());
			if (ids.isEmpty()) {
				continue;
			}
			LocalDate fromDeadline = afterDeadline;
			String fromId = afterId;
			this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Rectification.class)
				.stream()
				.filter((task) -> OPEN.contains(task.status()) && batch.contains(task.deadline())
						&& task.deadline().isBefore(today) && task.orgPath().contains(under)
						&& scope.contains(task.orgPath()) && !scope.recused(task.findingSubjectId())
						&& (fromDeadline == null || task.deadline().isAfter(fromDeadline)
								|| (task.deadline().equals(fromDeadline) && task.id().compareTo(fromId) > 0)))
				.sorted(Comparator.comparing(Rectification::deadline).thenComparing(Rectification::id))
				.forEach(rows::add);
		}
		boolean more = rows.size() > request.first();
		List<Rectification> items = more ? rows.subList(0, request.first()) : rows;
		List<String> cursors = items.stream()
			.map((task) -> Keyset.encode(List.of(0, Keyset.date(task.deadline()), task.id())))
			.toList();
		return Optional.of(new Page<>(List.copyOf(items), cursors, more));
	}

}
