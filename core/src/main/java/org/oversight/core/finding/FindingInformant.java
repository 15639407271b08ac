package org.oversight.core.finding;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who reported a finding, stored apart from it: only explicitly authorised readers may
 * see it, and each read is audited by the caller.
 */
@Document("finding_informants")
record FindingInformant(@Id String findingId, String informant) {
}
