/**
 * Supervision edges and coverage.
 */
@NullMarked
package org.oversight.api.supervision;

import org.jspecify.annotations.NullMarked;
