/**
 * The periodic work of Oversight, callable from the API as well as fired by Quartz.
 */
@NullMarked
package org.oversight.scheduler;

import org.jspecify.annotations.NullMarked;
