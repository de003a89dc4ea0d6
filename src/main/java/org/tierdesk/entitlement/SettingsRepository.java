package org.tierdesk.entitlement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SettingsRepository extends JpaRepository<EntitlementSettings, Long> {
}
