package org.oversight.analytics.facts;

import java.time.LocalDate;
import java.util.List;

import org.oversight.core.talk.TalkKind;

/**
 * The fields of a talk the analytics read.
 *
 * @param subjectId who was talked to
 * @param kind the kind of talk
 * @param date when
 * @param conductedByIds who conducted it
 */
public record TalkRow(String subjectId, TalkKind kind, LocalDate date, List<String> conductedByIds) {

}
