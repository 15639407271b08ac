/**
 * Findings (问题): registration, correction, dismissal, protected informants, status that
 * follows the tasks.
 */
@NullMarked
package org.oversight.core.finding;

import org.jspecify.annotations.NullMarked;
