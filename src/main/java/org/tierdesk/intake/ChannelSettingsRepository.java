package org.tierdesk.intake;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChannelSettingsRepository extends JpaRepository<ChannelSettings, Long> {
}
