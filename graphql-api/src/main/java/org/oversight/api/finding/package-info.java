/**
 * The Finding type, its queries and mutations.
 */
@NullMarked
package org.oversight.api.finding;

import org.jspecify.annotations.NullMarked;
