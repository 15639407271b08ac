/**
 * Talks (谈话) held with cadres.
 */
@NullMarked
package org.oversight.core.talk;

import org.jspecify.annotations.NullMarked;
