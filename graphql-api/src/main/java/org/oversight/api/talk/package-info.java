/**
 * The Talk type.
 */
package org.oversight.api.talk;
