/**
 * Health and operations.
 */
@NullMarked
package org.oversight.api.operations;

import org.jspecify.annotations.NullMarked;
