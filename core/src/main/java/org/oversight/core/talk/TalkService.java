package org.oversight.core.talk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.common.Actor;
import org.oversight.core.common.Batches;
import org.oversight.core.common.ById;
import org.oversight.core.common.Check;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.common.Stamp;
import org.oversight.core.common.Today;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.mongo.InQueries;
import org.oversight.core.organization.Organization;

/** Records talks. */
@Service
public class TalkService {

	static final int BATCH = 50_000;

	private final Talks talks;

	private final Today today;

	private final ApplicationEventPublisher events;

	private final LookupLists lookups;

	private final InQueries inQueries;

	private final MongoTemplate mongo;

	TalkService(LookupLists lookups, Talks talks, InQueries inQueries, MongoTemplate mongo, Today today,
			ApplicationEventPublisher events) {
		this.lookups = lookups;
		this.talks = talks;
		this.inQueries = inQueries;
		this.mongo = mongo;
		this.today = today;
		this.events = events;
	}

	public record RecordTalk(TalkKind kind, LocalDate date, String subjectId, List<String> conductedByIds,
			String organizationId, String summary, List<String> issuesRaised) {
	}

	/** What {@link #recordAll} did with one command: the talk, or why not. */
	public record Recorded(RecordTalk command, @Nullable Talk talk, @Nullable DomainException refused) {
	}

	public Talk record(RecordTalk command) {
		Recorded recorded = recordAll(List.of(command)).get(0);
		if (recorded.refused() != null) {
			throw recorded.refused();
		}
		return recorded.talk();
	}

	/**
	 * Records many talks, each checked exactly as {@link #record} checks one: up to
	 * {@value #BATCH} commands share one read of their cadres and organizations, one
	 * write of the subjects' lookup lists, one insert and one {@link TalksRecorded}
	 * event. For bulk imports.
	 */
	public List<Recorded> recordAll(List<RecordTalk> commands) {
		return Batches.of(commands, BATCH, this::recordBatch);
	}

	private List<Recorded> recordBatch(List<RecordTalk> commands) {
		List<String> cadreIds = new ArrayList<>();
		List<String> organizationIds = new ArrayList<>();
		for (RecordTalk command : commands) {
			cadreIds.add(command.subjectId());
			if (command.conductedByIds() != null) {
				cadreIds.addAll(command.conductedByIds());
			}
			organizationIds.add(command.organizationId());
		}
		ById<Cadre> cadres = ById.of("Cadre", this.inQueries.byIds(Cadre.class, ById.valid(cadreIds)), Cadre::id);
		ById<Organization> organizations = ById.of("Organization",
				this.inQueries.byIds(Organization.class, ById.valid(organizationIds)), Organization::id);
		Instant now = this.today.now();
		String actor = Actor.current();
		List<Recorded> results = new ArrayList<>();
		List<Talk> talks = new ArrayList<>();
		Map<String, List<String>> bySubject = new LinkedHashMap<>();
		for (RecordTalk command : commands) {
			try {
				Talk talk = plan(command, cadres, organizations, Stamp.created(now, actor));
				talks.add(talk);
				bySubject
					.computeIfAbsent(LookupLists.subjectTalks(talk.subjectId(), talk.date().getYear(), talk.kind()),
							(k) -> new ArrayList<>())
					.add(talk.id());
				results.add(new Recorded(command, talk, null));
			}
			catch (DomainException ex) {
				results.add(new Recorded(command, null, ex));
			}
		}
		if (!talks.isEmpty()) {
			this.lookups.addAll(LookupLists.SUBJECT_TALKS, bySubject);
			this.mongo.insert(talks, Talk.class);
			this.events.publishEvent(new TalksRecorded(List.copyOf(talks)));
		}
		return results;
	}

	private Talk plan(RecordTalk command, ById<Cadre> cadres, ById<Organization> organizations, Stamp stamp) {
		TalkKind kind = Check.present("kind", command.kind());
		LocalDate date = Check.present("date", command.date());
		if (date.isAfter(this.today.date())) {
			throw DomainException.invalid("date", "a talk is recorded once held; " + date + " is after today");
		}
		cadres.get("subjectId", command.subjectId());
		List<String> conductors = Check.present("conductedByIds", command.conductedByIds());
		if (conductors.isEmpty()) {
			throw DomainException.invalid("conductedByIds", "at least one cadre conducts a talk");
		}
		List<String> distinct = List.copyOf(new LinkedHashSet<>(conductors));
		if (distinct.contains(command.subjectId())) {
			throw DomainException.invalid("conductedByIds", "the subject cannot conduct their own talk");
		}
		cadres.requireAll("conductedByIds", distinct);
		Organization organization = organizations.get("organizationId", command.organizationId());
		String summary = Check.optionalText("summary", command.summary(), 10_000);
		List<String> issues = (command.issuesRaised() != null) ? command.issuesRaised() : List.of();
		Check.noBlanks("issuesRaised", issues);
		return new Talk(new ObjectId().toHexString(), kind, date, command.subjectId(), distinct, organization.id(),
				organization.path(), summary, issues.stream().map(String::strip).toList(), stamp);
	}

	public Talk get(String field, String id) {
		if (id == null || !ObjectId.isValid(id)) {
			throw DomainException.notFound(field, "Talk", id);
		}
		return this.talks.findById(id).orElseThrow(() -> DomainException.notFound(field, "Talk", id));
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Collections {

		@Bean
		OrgPathCollection talksCollection() {
			return new OrgPathCollection("talks");
		}

	}

}
