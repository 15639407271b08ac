package org.oversight.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.oversight.core.cadre.TeamRole;

/**
 * The dashboard queries of {@code docs/api-guide.md}, read from the page itself (so the
 * benchmark runs exactly what the documentation shows), with the targets each is run for
 * in turn: the province and its cities for the overview and the overdue list, the
 * principals of the cities and counties for a cadre's supervision, the counties for
 * coverage (of last year).
 */
final class DashboardQueries {

	private static final Pattern BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern NAME = Pattern.compile("^\\s*query\\s+(\\w+)");

	/** A dashboard query and the variables of each of its targets. */
	record Dashboard(String name, String document, List<Map<String, Object>> targets) {

		Map<String, Object> target(int iteration) {
			return this.targets.get(Math.floorMod(iteration, this.targets.size()));
		}

	}

	static final List<String> NAMES = List.of("overview", "overdueList", "supervisionOfACadre", "coverage");

	static Map<String, String> fromGuide(Path guide) throws IOException {
		Map<String, String> documents = new LinkedHashMap<>();
		Matcher matcher = BLOCK.matcher(Files.readString(guide, StandardCharsets.UTF_8));
		while (matcher.find()) {
			Matcher name = NAME.matcher(matcher.group(1));
			if (name.find()) {
				documents.put(name.group(1), matcher.group(1));
			}
		}
		for (String wanted : NAMES) {
			if (!documents.containsKey(wanted)) {
				throw new IllegalStateException("No query " + wanted + " in " + guide);
			}
		}
		return documents;
	}

	static List<Dashboard> dashboards(Path guide, MongoDatabase db, LocalDate today) throws IOException {
		Map<String, String> documents = fromGuide(guide);
		List<String> province = ids(db, Filters.eq("code", "P01"));
		List<String> cities = ids(db, Filters.and(Filters.eq("level", "CITY"), Filters.eq("kind", "PARTY_COMMITTEE")));
		List<String> counties = ids(db,
				Filters.and(Filters.eq("level", "COUNTY"), Filters.eq("kind", "PARTY_COMMITTEE")));
		List<String> upper = new ArrayList<>(province);
		upper.addAll(cities);
		List<Map<String, Object>> overview = upper.stream().map((id) -> Map.<String, Object>of("id", id)).toList();
		List<Map<String, Object>> overdue = upper.stream().map((id) -> Map.<String, Object>of("under", id)).toList();
		List<String> bodies = new ArrayList<>(cities);
		bodies.addAll(counties);
		List<Map<String, Object>> supervision = new ArrayList<>();
		for (String code : principalCodes(db, bodies, today)) {
			supervision.add(Map.of("code", code));
		}
		List<Map<String, Object>> coverage = counties.stream()
			.map((id) -> Map.<String, Object>of("id", id, "year", today.getYear() - 1))
			.toList();
		return List.of(new Dashboard("overview", documents.get("overview"), overview),
				new Dashboard("overdueList", documents.get("overdueList"), overdue),
				new Dashboard("supervisionOfACadre", documents.get("supervisionOfACadre"), supervision),
				new Dashboard("coverage", documents.get("coverage"), coverage));
	}

	private static List<String> ids(MongoDatabase db, Bson filter) {
		List<String> ids = new ArrayList<>();
		db.getCollection("organizations")
			.find(filter)
			.projection(Projections.include("_id"))
			.sort(Sorts.ascending("code"))
			.forEach((d) -> ids.add(d.getObjectId("_id").toHexString()));
		return ids;
	}

	/** The codes of the principals of the organizations today, in their order. */
	private static List<String> principalCodes(MongoDatabase db, List<String> organizationIds, LocalDate today) {
		Map<String, String> cadreOf = new LinkedHashMap<>();
		organizationIds.forEach((id) -> cadreOf.put(id, null));
		db.getCollection("appointments")
			.find(Filters.and(Filters.in("organizationId", organizationIds),
					Filters.eq("role", TeamRole.PRINCIPAL.name()), RawDashboard.heldOn(today)))
			.forEach((d) -> cadreOf.putIfAbsent(d.getString("organizationId"), d.getString("cadreId")));
		cadreOf.replaceAll((org, cadre) -> (cadre != null) ? cadre : "");
		Map<String, String> codes = new LinkedHashMap<>();
		db.getCollection("cadres")
			.find(Filters.in("_id", RawDashboard.oids(cadreOf.values().stream().filter((c) -> !c.isEmpty()).toList())))
			.forEach((d) -> codes.put(d.getObjectId("_id").toHexString(), d.getString("code")));
		List<String> result = new ArrayList<>();
		for (String cadre : cadreOf.values()) {
			if (codes.containsKey(cadre)) {
				result.add(codes.get(cadre));
			}
		}
		return result;
	}

	/** The answer normalised for comparison (numbers and nesting as JSON gives them). */
	static Document normalised(Document answer) {
		return Document.parse(answer.toJson());
	}

}
