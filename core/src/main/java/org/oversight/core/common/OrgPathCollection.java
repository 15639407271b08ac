package org.oversight.core.common;

/**
 * Declares a collection whose documents belong to an organization and carry its
 * materialised path in {@value #FIELD}, so scope and subtree filters are one condition.
 * Moving an organization rewrites that field in every declared collection.
 *
 * @param collection the collection name
 */
public record OrgPathCollection(String collection) {

	public static final String FIELD = "orgPath";

}
