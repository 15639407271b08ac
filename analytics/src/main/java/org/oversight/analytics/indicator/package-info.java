/**
 * The indicator model: dimensions, fixed scales, weights, grades.
 */
@NullMarked
package org.oversight.analytics.indicator;

import org.jspecify.annotations.NullMarked;
