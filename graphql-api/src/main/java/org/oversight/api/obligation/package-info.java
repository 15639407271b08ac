/**
 * Talk obligations for dashboards.
 */
@NullMarked
package org.oversight.api.obligation;

import org.jspecify.annotations.NullMarked;
