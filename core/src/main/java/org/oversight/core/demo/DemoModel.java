package org.oversight.core.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.oversight.core.cadre.TeamRole;
import org.oversight.core.organization.OrgKind;
import org.oversight.core.organization.OrgLevel;

/**
 * The demo province as planned in memory before and while it is written through the
 * services. The generator answers "who held which post on that day" from here, so its
 * random choices never depend on what the database returns (ids included).
 */
final class DemoModel {

	private DemoModel() {
	}

	/** What an organization is in the demo, finer than {@link OrgKind}. */
	enum Unit {

		COMMITTEE, GOVERNMENT, COMMISSION, DEPARTMENT, ENTERPRISE, SCHOOL, HOSPITAL, TOWNSHIP, VILLAGE

	}

	/** A post an organization's principal also holds in another team, for every term. */
	record Link(Org target, TeamRole role, String title) {
	}

	/** One planned organization. */
	static final class Org {

		final String code;

		final String name;

		final OrgKind kind;

		final OrgLevel level;

		final Org parent;

		final Unit unit;

		/**
		 * The party committee of the body this organization belongs to (itself for one).
		 */
		final Org committee;

		/**
		 * The place word of the body ("江宁省", "青州市", "云溪县"); the township's or village's
		 * own name below counties.
		 */
		final String place;

		final List<Org> children = new ArrayList<>();

		/**
		 * Every post of this organization, principal terms included, in creation order.
		 */
		final List<Post> posts = new ArrayList<>();

		/** The principal terms, oldest first. */
		final List<Post> principals = new ArrayList<>();

		final List<Link> links = new ArrayList<>();

		DemoTexts.Department department;

		String principalTitle;

		String id;

		Org(String code, String name, OrgKind kind, OrgLevel level, Org parent, Unit unit, Org committee,
				String place) {
			this.code = code;
			this.name = name;
			this.kind = kind;
			this.level = level;
			this.parent = parent;
			this.unit = unit;
			this.committee = (committee != null) ? committee : this;
			this.place = place;
			if (parent != null) {
				parent.children.add(this);
			}
		}

		Post principalOn(LocalDate day) {
			for (Post post : this.principals) {
				if (post.activeOn(day)) {
					return post;
				}
			}
			return null;
		}

		/** The current principal term, or null while the post is vacant. */
		Post currentPrincipal(LocalDate today) {
			return principalOn(today);
		}

		/** Posts held on the day other than the principal's, in creation order. */
		List<Post> othersOn(LocalDate day) {
			List<Post> result = new ArrayList<>();
			for (Post post : this.posts) {
				if (post.role != TeamRole.PRINCIPAL && post.activeOn(day)) {
					result.add(post);
				}
			}
			return result;
		}

		Post firstOn(TeamRole role, LocalDate day) {
			for (Post post : this.posts) {
				if (post.role == role && post.activeOn(day)) {
					return post;
				}
			}
			return null;
		}

		/**
		 * The nearest ancestor with a principal on the day, skipping {@code skip} of
		 * them.
		 */
		Post ancestorPrincipalOn(LocalDate day, int skip) {
			int skipped = 0;
			for (Org up = this.parent; up != null; up = up.parent) {
				Post principal = up.principalOn(day);
				if (principal != null) {
					if (skipped == skip) {
						return principal;
					}
					skipped++;
				}
			}
			return null;
		}

		boolean isRoot() {
			return this.parent == null;
		}

		@Override
		public String toString() {
			return this.code + " " + this.name;
		}

	}

	/** One planned cadre. */
	static final class Person {

		final String code;

		final String name;

		final int birthYear;

		String id;

		Person(String code, String name, int birthYear) {
			this.code = code;
			this.name = name;
			this.birthYear = birthYear;
		}

	}

	/** One planned appointment: both days included, {@code end} null while held. */
	static final class Post {

		final Person person;

		final Org org;

		final TeamRole role;

		final String title;

		final LocalDate start;

		LocalDate end;

		Post(Person person, Org org, TeamRole role, String title, LocalDate start, LocalDate end) {
			this.person = person;
			this.org = org;
			this.role = role;
			this.title = title;
			this.start = start;
			this.end = end;
		}

		boolean activeOn(LocalDate day) {
			return !this.start.isAfter(day) && (this.end == null || !this.end.isBefore(day));
		}

	}

}
