/**
 * The year's facts read for the reports: posts, talks, tasks.
 */
@NullMarked
package org.oversight.analytics.facts;

import org.jspecify.annotations.NullMarked;
