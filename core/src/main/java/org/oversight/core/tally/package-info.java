/**
 * Subtree tallies (分级汇总计数): how many records of each kind every organization's subtree
 * holds, by key, kept on write and rebuilt by a job, so a dashboard counts by reading
 * documents by id instead of scanning records.
 */
@NullMarked
package org.oversight.core.tally;

import org.jspecify.annotations.NullMarked;
