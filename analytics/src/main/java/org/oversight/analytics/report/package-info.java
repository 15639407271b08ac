/**
 * Political-ecology reports: generation in one pass, ranks, narrative, storage.
 */
@NullMarked
package org.oversight.analytics.report;

import org.jspecify.annotations.NullMarked;
