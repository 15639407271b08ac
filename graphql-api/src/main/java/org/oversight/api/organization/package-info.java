/**
 * The Organization type, analysts' queries and grouped counts.
 */
package org.oversight.api.organization;
