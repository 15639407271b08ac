/**
 * What every feature shares: scopes, keyset pages, the injected day, domain errors, the
 * acting account.
 */
@NullMarked
package org.oversight.core.common;

import org.jspecify.annotations.NullMarked;
