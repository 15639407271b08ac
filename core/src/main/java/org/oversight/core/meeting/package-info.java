/**
 * Democratic life meetings, interference records and duty-and-integrity reports.
 */
@NullMarked
package org.oversight.core.meeting;

import org.jspecify.annotations.NullMarked;
