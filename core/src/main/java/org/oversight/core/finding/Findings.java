package org.oversight.core.finding;

import java.util.Collection;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The stored findings. */
public interface Findings extends MongoRepository<Finding, String> {

	List<Finding> findBySubjectIdIn(Collection<String> subjectIds);

}
