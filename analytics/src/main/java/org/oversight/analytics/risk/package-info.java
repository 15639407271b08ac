/**
 * Risk profiles of principals.
 */
@NullMarked
package org.oversight.analytics.risk;

import org.jspecify.annotations.NullMarked;
