package org.tierdesk.intake;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.tierdesk.ticket.Channel;

interface EndpointRepository extends JpaRepository<Endpoint, Long> {

	Optional<Endpoint> findByChannelAndAddress(Channel channel, String address);

	List<Endpoint> findByProgramIdOrderByChannelAscAddressAsc(long programId);

	List<Endpoint> findByProgramIdAndChannel(long programId, Channel channel);
}
