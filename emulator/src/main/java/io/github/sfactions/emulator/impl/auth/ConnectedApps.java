package io.github.sfactions.emulator.impl.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import io.github.sfactions.emulator.EmulatorConfig;

import java.security.PublicKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Configured connected apps by client id. */
public final class ConnectedApps {
    /** A connected app with its resolved JWT key and run-as user. */
    public record App(String clientId, String clientSecret, PublicKey jwtKey, String runAsUsername,
                      boolean rotateRefreshTokens) {
    }

    private final Map<String, App> apps = new LinkedHashMap<>();

    public ConnectedApps(Collection<EmulatorConfig.ConnectedApp> configured, Map<String, PublicKey> extraKeys) {
        for (EmulatorConfig.ConnectedApp c : configured) {
            if (c.clientId() == null || c.clientSecret() == null) {
                throw new IllegalArgumentException("Every connected app needs clientId and clientSecret");
            }
            PublicKey key = extraKeys.get(c.clientId());
            if (key == null && c.jwtPublicKeyPem() != null) {
                key = parsePem(c.clientId(), c.jwtPublicKeyPem());
            }
            apps.put(c.clientId(), new App(c.clientId(), c.clientSecret(), key, c.runAsUsername(),
                    Boolean.TRUE.equals(c.rotateRefreshTokens())));
        }
        if (apps.isEmpty()) {
            throw new IllegalArgumentException("The org needs at least one connected app");
        }
    }

    private static PublicKey parsePem(String clientId, String pem) {
        try {
            JWK jwk = JWK.parseFromPEMEncodedObjects(pem);
            return jwk.toRSAKey().toPublicKey();
        } catch (JOSEException | RuntimeException e) {
            throw new IllegalArgumentException("Connected app " + clientId
                    + ": jwtPublicKeyPem is not an RSA public key or certificate in PEM form", e);
        }
    }

    public Optional<App> byClientId(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(apps.get(clientId));
    }

    public App defaultApp() {
        return apps.values().iterator().next();
    }
}
