/**
 * Talk obligations: who owes whom which talk, opened and closed by the daily check.
 */
@NullMarked
package org.oversight.scheduler.obligation;

import org.jspecify.annotations.NullMarked;
