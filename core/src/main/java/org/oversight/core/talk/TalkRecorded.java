package org.oversight.core.talk;

/** Published after a talk was stored, so obligations it fulfils can be closed. */
public record TalkRecorded(Talk talk) {
}
