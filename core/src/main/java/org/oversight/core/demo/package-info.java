/**
 * The deterministic demo province, loaded into an empty database.
 */
@NullMarked
package org.oversight.core.demo;

import org.jspecify.annotations.NullMarked;
