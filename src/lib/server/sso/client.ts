/** The provider as openid-client knows it: discovered once per configuration, again after a failure. */
import * as oidc from 'openid-client';
import { isLoopback, type SsoConfig } from './config';

const discovered = new WeakMap<SsoConfig, Promise<oidc.Configuration>>();

export function providerConfiguration(config: SsoConfig): Promise<oidc.Configuration> {
	let configuration = discovered.get(config);
	if (!configuration) {
		configuration = oidc.discovery(
			config.issuer,
			config.clientId,
			{ client_secret: config.clientSecret || undefined, [oidc.clockTolerance]: config.clockToleranceSeconds },
			config.clientSecret ? oidc.ClientSecretPost(config.clientSecret) : oidc.None(),
			{ execute: isLoopback(config.issuer) ? [oidc.allowInsecureRequests] : [] }
		);
		// A provider that was down at the first sign-in is asked again at the next.
		configuration.catch(() => discovered.delete(config));
		discovered.set(config, configuration);
	}
	return configuration;
}
