/**
 * The JobRun type.
 */
package org.oversight.api.job;
