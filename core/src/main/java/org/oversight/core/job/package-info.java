/**
 * Records of job runs, and the claim that makes a scheduled fire run once.
 */
@NullMarked
package org.oversight.core.job;

import org.jspecify.annotations.NullMarked;
