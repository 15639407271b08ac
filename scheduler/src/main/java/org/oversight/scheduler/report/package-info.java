/**
 * The yearly political-ecology report job, its start-up catch-up and the analytics
 * adapter.
 */
@NullMarked
package org.oversight.scheduler.report;

import org.jspecify.annotations.NullMarked;
