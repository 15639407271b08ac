package org.oversight.core.talk;

import java.util.Collection;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The stored talks. */
public interface Talks extends MongoRepository<Talk, String> {

	List<Talk> findBySubjectIdIn(Collection<String> subjectIds);

}
