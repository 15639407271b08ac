/**
 * The Talk type.
 */
@NullMarked
package org.oversight.api.talk;

import org.jspecify.annotations.NullMarked;
