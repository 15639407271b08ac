/**
 * Political-ecology reports, risk profiles and signed downloads.
 */
@NullMarked
package org.oversight.api.report;

import org.jspecify.annotations.NullMarked;
