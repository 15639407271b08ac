/**
 * The daily overdue sweep job.
 */
@NullMarked
package org.oversight.scheduler.sweep;

import org.jspecify.annotations.NullMarked;
