package org.oversight.analytics.facts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.oversight.core.talk.TalkKind;

/**
 * Whether principals were talked to as the rules require, judged in memory over rows read
 * in bulk: the same rules as core's {@code CoverageService}, for many organizations at
 * once.
 * <ul>
 * <li>A principal post counts when some ancestor organization has, on the reference day,
 * a principal other than the post's holder ({@link #hasPrincipalAbove}).</li>
 * <li>Supervised: a SUPERVISION talk dated in the year, conducted (alone or with others)
 * by someone who on its date holds the PRINCIPAL post of an ancestor of an organization
 * where the subject then holds a post.</li>
 * <li>Timely appointment talk: an APPOINTMENT talk by such an ancestor principal dated
 * from the post's start to 30 days after it.</li>
 * </ul>
 */
public final class TalkCoverage {

	private final YearPeriod period;

	private final Map<String, List<Post>> postsByCadre;

	private final Map<String, List<Post>> principalsByOrganization;

	private final Map<String, List<TalkRow>> talksBySubject;

	/**
	 * @param period the year
	 * @param postsByCadre every post of the subjects overlapping the year and the 30 days
	 * after it
	 * @param principalsByOrganization PRINCIPAL posts overlapping the same window, by
	 * organization (at least those of the subjects' ancestors)
	 * @param talksBySubject SUPERVISION and APPOINTMENT talks of the window, by subject
	 */
	public TalkCoverage(YearPeriod period, Map<String, List<Post>> postsByCadre,
			Map<String, List<Post>> principalsByOrganization, Map<String, List<TalkRow>> talksBySubject) {
		this.period = period;
		this.postsByCadre = postsByCadre;
		this.principalsByOrganization = principalsByOrganization;
		this.talksBySubject = talksBySubject;
	}

	/**
	 * Whether the principal post counts: somebody else is principal above it that day.
	 */
	public static boolean hasPrincipalAbove(Post post, Map<String, List<Post>> principalsOnDayByOrganization) {
		List<String> ancestors = post.ancestorIds();
		for (int i = ancestors.size() - 1; i >= 0; i--) {
			for (Post principal : principalsOnDayByOrganization.getOrDefault(ancestors.get(i), List.of())) {
				if (!principal.cadreId().equals(post.cadreId())) {
					return true;
				}
			}
		}
		return false;
	}

	/** A SUPERVISION talk in the year by an ancestor principal. */
	public boolean supervised(String cadreId) {
		return this.talksBySubject.getOrDefault(cadreId, List.of())
			.stream()
			.anyMatch((talk) -> talk.kind() == TalkKind.SUPERVISION && this.period.contains(talk.date())
					&& byAncestorPrincipal(talk));
	}

	/**
	 * An APPOINTMENT talk by an ancestor principal within 30 days of the post's start.
	 */
	public boolean timelyAppointmentTalk(Post post) {
		LocalDate deadline = post.start().plusDays(YearPeriod.APPOINTMENT_TALK_DAYS);
		return this.talksBySubject.getOrDefault(post.cadreId(), List.of())
			.stream()
			.anyMatch((talk) -> talk.kind() == TalkKind.APPOINTMENT && !talk.date().isBefore(post.start())
					&& !talk.date().isAfter(deadline) && byAncestorPrincipal(talk));
	}

	/**
	 * Whether a talk with the post's holder could still count for it through a post not
	 * known here: a SUPERVISION talk in the year while none counted, or, for a new post,
	 * an APPOINTMENT talk within its 30 days while none counted.
	 */
	public boolean undecided(Post post) {
		List<TalkRow> talks = this.talksBySubject.getOrDefault(post.cadreId(), List.of());
		if (talks.isEmpty()) {
			return false;
		}
		if (!supervised(post.cadreId()) && talks.stream()
			.anyMatch((talk) -> talk.kind() == TalkKind.SUPERVISION && this.period.contains(talk.date()))) {
			return true;
		}
		LocalDate deadline = post.start().plusDays(YearPeriod.APPOINTMENT_TALK_DAYS);
		return isNew(post) && !timelyAppointmentTalk(post)
				&& talks.stream()
					.anyMatch((talk) -> talk.kind() == TalkKind.APPOINTMENT && !talk.date().isBefore(post.start())
							&& !talk.date().isAfter(deadline));
	}

	/** The post started in the year. */
	public boolean isNew(Post post) {
		return post.start().getYear() == this.period.year();
	}

	boolean byAncestorPrincipal(TalkRow talk) {
		for (Post post : this.postsByCadre.getOrDefault(talk.subjectId(), List.of())) {
			if (!post.activeOn(talk.date())) {
				continue;
			}
			for (String ancestor : post.ancestorIds()) {
				for (Post principal : this.principalsByOrganization.getOrDefault(ancestor, List.of())) {
					if (principal.activeOn(talk.date()) && talk.conductedByIds().contains(principal.cadreId())
							&& !principal.cadreId().equals(talk.subjectId())) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** The talk kinds this coverage needs read. */
	public static Collection<TalkKind> kinds() {
		return List.of(TalkKind.SUPERVISION, TalkKind.APPOINTMENT);
	}

}
