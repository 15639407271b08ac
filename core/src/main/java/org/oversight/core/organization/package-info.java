/**
 * The organization tree with its materialised paths: create, move, dissolve, read.
 */
@NullMarked
package org.oversight.core.organization;

import org.jspecify.annotations.NullMarked;
