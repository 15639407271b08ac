/**
 * Quartz set-up, schedules, recorded runs and leases: each fire once across processes.
 */
@NullMarked
package org.oversight.scheduler.runtime;

import org.jspecify.annotations.NullMarked;
