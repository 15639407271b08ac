/**
 * The Finding type, its queries and mutations.
 */
package org.oversight.api.finding;
