/**
 * Whether the principals of a subtree were talked to as the rules require in a year.
 */
@NullMarked
package org.oversight.core.coverage;

import org.jspecify.annotations.NullMarked;
