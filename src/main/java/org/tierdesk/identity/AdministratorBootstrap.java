package org.tierdesk.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.tierdesk.identity.Accounts.NewAccount;
import org.tierdesk.system.Role;

/**
 * On an empty database, creates the administrator {@code admin} with the password from
 * {@code TIERDESK_ADMIN_PASSWORD}, or generates one and prints it once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdministratorBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

	private final Accounts accounts;

	private final IdentityProperties properties;

	AdministratorBootstrap(Accounts accounts, IdentityProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.any()) {
			return;
		}
		boolean generated = properties.adminPassword() == null || properties.adminPassword().isBlank();
		String password = generated ? generatePassword() : properties.adminPassword();
		try {
			accounts.create(new NewAccount("admin", "Desk administrator", null, null, null, null, password,
					EnumSet.of(Role.ADMIN), Set.of()));
		}
		catch (DataIntegrityViolationException e) {
			return; // another instance created it at the same moment
		}
		if (generated) {
			log.warn("\n\n    Created the administrator 'admin' with the generated password: {}\n"
					+ "    It is shown only this once. Set TIERDESK_ADMIN_PASSWORD to choose it yourself.\n", password);
		}
		else {
			log.info("Created the administrator 'admin' with the password from TIERDESK_ADMIN_PASSWORD");
		}
	}

	private static String generatePassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
