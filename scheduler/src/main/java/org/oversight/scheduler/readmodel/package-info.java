/**
 * The nightly rebuild of the read models (读模型重建): lookup lists and subtree tallies.
 */
@NullMarked
package org.oversight.scheduler.readmodel;

import org.jspecify.annotations.NullMarked;
