/**
 * Meetings, interference records and duty reports.
 */
@NullMarked
package org.oversight.api.meeting;

import org.jspecify.annotations.NullMarked;
