/**
 * The Organization type, analysts' queries and grouped counts.
 */
@NullMarked
package org.oversight.api.organization;

import org.jspecify.annotations.NullMarked;
