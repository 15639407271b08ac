package org.oversight.core.cadre;

import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import org.oversight.core.common.Stamp;

/**
 * A person who holds or held posts. {@code orgScope} is every organization on the paths
 * of the cadre's appointments, current and ended: a cadre is in an account's scope while
 * they hold or held a post inside it.
 */
@Document("cadres")
public class Cadre {

	@Id
	private String id;

	@Indexed(unique = true)
	private String code;

	@Indexed
	private String name;

	private Integer birthYear;

	@Indexed
	private Set<String> orgScope;

	private Stamp stamp;

	protected Cadre() {
	}

	Cadre(String id, String code, String name, Integer birthYear, Stamp stamp) {
		this.id = id;
		this.code = code;
		this.name = name;
		this.birthYear = birthYear;
		this.orgScope = Set.of();
		this.stamp = stamp;
	}

	/** A cadre as stored, every field given ({@link CadreReader}). */
	static Cadre stored(String id, String code, String name, Integer birthYear, Set<String> orgScope, Stamp stamp) {
		Cadre cadre = new Cadre();
		cadre.id = id;
		cadre.code = code;
		cadre.name = name;
		cadre.birthYear = birthYear;
		cadre.orgScope = orgScope;
		cadre.stamp = stamp;
		return cadre;
	}

	public String id() {
		return this.id;
	}

	public String code() {
		return this.code;
	}

	public String name() {
		return this.name;
	}

	public Integer birthYear() {
		return this.birthYear;
	}

	public Set<String> orgScope() {
		return (this.orgScope != null) ? this.orgScope : Set.of();
	}

	public Stamp stamp() {
		return this.stamp;
	}

}
