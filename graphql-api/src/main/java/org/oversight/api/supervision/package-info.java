/**
 * Supervision edges and coverage.
 */
package org.oversight.api.supervision;
