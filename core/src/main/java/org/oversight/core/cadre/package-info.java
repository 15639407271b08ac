/**
 * Cadres, their appointments and team roles; the guard that keeps one principal per
 * organization at a time.
 */
@NullMarked
package org.oversight.core.cadre;

import org.jspecify.annotations.NullMarked;
