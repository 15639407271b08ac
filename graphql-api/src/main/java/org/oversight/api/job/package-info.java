/**
 * The JobRun type.
 */
@NullMarked
package org.oversight.api.job;

import org.jspecify.annotations.NullMarked;
