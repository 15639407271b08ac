/**
 * The Cadre and Appointment types.
 */
package org.oversight.api.cadre;
