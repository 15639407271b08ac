package org.oversight.core.talk;

import java.util.List;

/**
 * Published after talks were stored (one, or a batch of an import), so obligations they
 * fulfil can be closed.
 */
public record TalksRecorded(List<Talk> talks) {
}
