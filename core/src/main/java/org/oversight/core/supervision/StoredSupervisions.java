package org.oversight.core.supervision;

import java.util.Collection;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Supervision edges added by hand. */
public interface StoredSupervisions extends MongoRepository<StoredSupervision, String> {

	List<StoredSupervision> findBySubjectIdIn(Collection<String> subjectIds);

	List<StoredSupervision> findBySupervisorIdIn(Collection<String> supervisorIds);

}
