/**
 * Meetings, interference records and duty reports.
 */
package org.oversight.api.meeting;
