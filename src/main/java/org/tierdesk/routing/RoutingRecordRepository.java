package org.tierdesk.routing;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoutingRecordRepository extends JpaRepository<RoutingRecord, Long> {
}
