/**
 * The Rectification type, the sweep and the live overdue feed.
 */
package org.oversight.api.rectification;
