/**
 * Sign-in, tokens, accounts, lock-out, the audit trail.
 */
@NullMarked
package org.oversight.api.security;

import org.jspecify.annotations.NullMarked;
