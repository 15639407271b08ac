package org.oversight.core.cadre;

import java.util.Collection;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The stored appointments. */
public interface Appointments extends MongoRepository<Appointment, String> {

	List<Appointment> findByCadreIdIn(Collection<String> cadreIds);

	List<Appointment> findByCadreId(String cadreId);

	List<Appointment> findByOrganizationId(String organizationId);

	List<Appointment> findByOrganizationIdIn(Collection<String> organizationIds);

}
