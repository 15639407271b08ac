/**
 * The read models together (subtree tallies and lookup lists): built when missing,
 * rebuilt on demand and nightly.
 */
@NullMarked
package org.oversight.core.readmodel;

import org.jspecify.annotations.NullMarked;
