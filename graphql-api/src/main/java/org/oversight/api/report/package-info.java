/**
 * Political-ecology reports, risk profiles and signed downloads.
 */
package org.oversight.api.report;
