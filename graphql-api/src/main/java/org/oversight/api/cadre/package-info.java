/**
 * The Cadre and Appointment types.
 */
@NullMarked
package org.oversight.api.cadre;

import org.jspecify.annotations.NullMarked;
