/**
 * The supervision graph as of any day: derived and stored edges, chains, blind spots.
 */
@NullMarked
package org.oversight.core.supervision;

import org.jspecify.annotations.NullMarked;
