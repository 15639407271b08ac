/**
 * The database: an embedded MongoDB-compatible server or a configured MongoDB; codecs;
 * indexes.
 */
@NullMarked
package org.oversight.core.mongo;

import org.jspecify.annotations.NullMarked;
