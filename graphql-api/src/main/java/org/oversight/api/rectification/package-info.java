/**
 * The Rectification type, the sweep and the live overdue feed.
 */
@NullMarked
package org.oversight.api.rectification;

import org.jspecify.annotations.NullMarked;
