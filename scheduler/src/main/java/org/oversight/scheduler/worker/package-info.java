/**
 * The scheduler as a process of its own.
 */
@NullMarked
package org.oversight.scheduler.worker;

import org.jspecify.annotations.NullMarked;
