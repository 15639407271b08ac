package org.oversight.core.tally;

import org.bson.Document;

/**
 * A kind of record counted per subtree: the field of the tally documents that holds its
 * counts, the collection its records live in (with an {@code orgPath}), and the key of a
 * record as an aggregation expression, which must give the same string as the feature's
 * own key function for the same record.
 */
public interface TallySource {

	/** The field of a tally document, e.g. {@code tasks}. */
	String name();

	/** The collection counted, e.g. {@code rectifications}. */
	String collection();

	/** The key of a record, e.g. {@code {$concat: ["$status", "|", …]}}. */
	Document keyExpression();

}
