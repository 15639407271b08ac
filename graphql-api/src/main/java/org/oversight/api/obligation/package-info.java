/**
 * Talk obligations for dashboards.
 */
package org.oversight.api.obligation;
