package org.oversight.core.talk;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

import org.bson.types.ObjectId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

import org.oversight.core.cadre.CadreService;
import org.oversight.core.common.Actor;
import org.oversight.core.common.Check;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.common.Stamp;
import org.oversight.core.common.Today;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;

/** Records talks. */
@Service
public class TalkService {

	private final Talks talks;

	private final CadreService cadres;

	private final OrganizationService organizations;

	private final Today today;

	private final ApplicationEventPublisher events;

	private final LookupLists lookups;

	TalkService(LookupLists lookups, Talks talks, CadreService cadres, OrganizationService organizations, Today today,
			ApplicationEventPublisher events) {
		this.lookups = lookups;
		this.talks = talks;
		this.cadres = cadres;
		this.organizations = organizations;
		this.today = today;
		this.events = events;
	}

	public record RecordTalk(TalkKind kind, LocalDate date, String subjectId, List<String> conductedByIds,
			String organizationId, String summary, List<String> issuesRaised) {
	}

	public Talk record(RecordTalk command) {
		TalkKind kind = Check.present("kind", command.kind());
		LocalDate date = Check.present("date", command.date());
		if (date.isAfter(this.today.date())) {
			throw DomainException.invalid("date", "a talk is recorded once held; " + date + " is after today");
		}
		this.cadres.get("subjectId", command.subjectId());
		List<String> conductors = Check.present("conductedByIds", command.conductedByIds());
		if (conductors.isEmpty()) {
			throw DomainException.invalid("conductedByIds", "at least one cadre conducts a talk");
		}
		List<String> distinct = List.copyOf(new LinkedHashSet<>(conductors));
		if (distinct.contains(command.subjectId())) {
			throw DomainException.invalid("conductedByIds", "the subject cannot conduct their own talk");
		}
		this.cadres.getAll("conductedByIds", distinct);
		Organization organization = this.organizations.get("organizationId", command.organizationId());
		String summary = Check.optionalText("summary", command.summary(), 10_000);
		List<String> issues = (command.issuesRaised() != null) ? command.issuesRaised() : List.of();
		Check.noBlanks("issuesRaised", issues);
		Talk talk = new Talk(new ObjectId().toHexString(), kind, date, command.subjectId(), distinct, organization.id(),
				organization.path(), summary, issues.stream().map(String::strip).toList(),
				Stamp.created(this.today.now(), Actor.current()));
		this.lookups.add(LookupLists.SUBJECT_TALKS, talk.subjectId(), talk.id());
		Talk saved = this.talks.insert(talk);
		this.events.publishEvent(new TalkRecorded(saved));
		return saved;
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
