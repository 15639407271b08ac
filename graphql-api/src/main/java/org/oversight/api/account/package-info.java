/**
 * Accounts through GraphQL: the signed-in one, their administration, the audit log.
 */
@NullMarked
package org.oversight.api.account;

import org.jspecify.annotations.NullMarked;
