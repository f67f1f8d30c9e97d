package io.github.sfactions.emulator.impl.auth;

import io.github.sfactions.emulator.EmulatorConfig;
import io.github.sfactions.emulator.impl.Ids;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The org's users, by username (case-insensitive) and by id. */
public final class UserDirectory {
  /** A user of the emulated org. */
  public record OrgUser(
      String id,
      String username,
      String password,
      String securityToken,
      String firstName,
      String lastName,
      String email) {
    public String displayName() {
      return ((firstName == null ? "" : firstName + " ") + (lastName == null ? "" : lastName))
          .trim();
    }
  }

  private final Map<String, OrgUser> byName = new LinkedHashMap<>();
  private final Map<String, OrgUser> byId = new LinkedHashMap<>();

  public UserDirectory(Collection<EmulatorConfig.User> users) {
    int n = 1;
    for (EmulatorConfig.User u : users) {
      if (u.username() == null || u.password() == null) {
        throw new IllegalArgumentException("Every user needs a username and a password");
      }
      String id = Ids.to18(String.format("005Dn%010d", n++));
      String last = u.lastName() != null ? u.lastName() : u.username().split("@")[0];
      OrgUser user =
          new OrgUser(
              id,
              u.username(),
              u.password(),
              u.securityToken(),
              u.firstName(),
              last,
              u.email() != null ? u.email() : u.username());
      byName.put(u.username().toLowerCase(Locale.ROOT), user);
      byId.put(id, user);
    }
    if (byName.isEmpty()) {
      throw new IllegalArgumentException("The org needs at least one user");
    }
  }

  public Optional<OrgUser> byUsername(String username) {
    return username == null
        ? Optional.empty()
        : Optional.ofNullable(byName.get(username.toLowerCase(Locale.ROOT)));
  }

  public Optional<OrgUser> byId(String id) {
    return Ids.normalize(id).map(byId::get);
  }

  /** Every user, in configuration order. */
  public Collection<OrgUser> all() {
    return java.util.Collections.unmodifiableCollection(byId.values());
  }

  /** The first configured user: owner of seeded records and bulk work without a session. */
  public OrgUser defaultUser() {
    return byName.values().iterator().next();
  }
}
