/**
 * The runnable Oversight server.
 */
@NullMarked
package org.oversight;

import org.jspecify.annotations.NullMarked;
