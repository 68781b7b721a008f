/**
 * core's `Directory` over Entra ID, through Microsoft Graph (tenant mode): people by object id,
 * and the app roles of the add-in's own app (Secretariat, Chair, Observer, Admin) as assigned
 * in Entra ID (Enterprise applications → Users and groups). Needs the application permissions
 * User.Read.All and Application.Read.All (and GroupMember.Read.All when roles are assigned to
 * groups).
 *
 * - who holds a role: GET /servicePrincipals/{id}/appRoleAssignedTo, role ids resolved from the
 *   service principal's `appRoles`; a group assignment gives the role to the group's members.
 * - a person's roles: GET /users/{id}/appRoleAssignments?$filter=resourceId eq {sp id} (this
 *   includes roles given to groups the person is a direct member of).
 */
import { APP_ROLES, type AppRole, type Directory, type DirectoryUser } from "../../core/ports/directory";
import { failureOf, translate } from "../client/errors";
import type { GraphClient } from "../client/graph-client";

interface GraphUser {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  preferredLanguage?: string | null;
  accountEnabled?: boolean | null;
}

interface AppRoleDefinition {
  id: string;
  value?: string | null;
  isEnabled?: boolean;
}

interface AppRoleAssignment {
  appRoleId: string;
  principalId: string;
  principalType?: "User" | "Group" | "ServicePrincipal" | string;
  resourceId?: string;
}

export interface GraphDirectoryOptions {
  /** The add-in's app (client) id: its service principal holds the app roles. */
  clientId: string;
  /** How long role holders and people are remembered. Default 5 minutes. */
  cacheMs?: number;
  now?: () => number;
}

const USER_SELECT = "id,displayName,mail,userPrincipalName,preferredLanguage,accountEnabled";

export class GraphDirectory implements Directory {
  private servicePrincipal?: Promise<{ id: string; roles: Map<string, AppRole> }>;
  private readonly cache = new Map<string, { until: number; value: Promise<unknown> }>();
  private readonly cacheMs: number;
  private readonly now: () => number;

  constructor(
    private readonly client: GraphClient,
    private readonly options: GraphDirectoryOptions,
  ) {
    this.cacheMs = options.cacheMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  async getUser(userId: string): Promise<DirectoryUser | undefined> {
    return this.remember(`user:${userId}`, async () => {
      try {
        const user = (await this.client.api(`/users/${encodeURIComponent(userId)}`).query({ $select: USER_SELECT }).get()) as GraphUser;
        return toDirectoryUser(user);
      } catch (error) {
        if (failureOf(error)?.status === 404) return undefined;
        return translate(error, { entity: "User", id: userId });
      }
    });
  }

  async usersWithRole(role: AppRole): Promise<DirectoryUser[]> {
    return this.remember(`role:${role}`, async () => {
      const sp = await this.servicePrincipalOf();
      const roleIds = [...sp.roles.entries()].filter(([, value]) => value === role).map(([id]) => id);
      if (roleIds.length === 0) return [];
      const userIds = new Set<string>();
      try {
        for await (const page of this.client.pages<AppRoleAssignment>(`/servicePrincipals/${sp.id}/appRoleAssignedTo?$top=999`)) {
          for (const assignment of page.value) {
            if (!roleIds.includes(assignment.appRoleId)) continue;
            if (assignment.principalType === "User") userIds.add(assignment.principalId);
            else if (assignment.principalType === "Group") {
              for await (const members of this.client.pages<GraphUser>(`/groups/${assignment.principalId}/transitiveMembers/microsoft.graph.user?$select=id&$top=999`)) {
                for (const member of members.value) userIds.add(member.id);
              }
            }
          }
        }
      } catch (error) {
        return translate(error, { entity: "App role assignments" });
      }
      const users = await Promise.all([...userIds].map((id) => this.getUser(id)));
      return users.filter((user): user is DirectoryUser => user !== undefined).sort((a, b) => a.displayName.localeCompare(b.displayName));
    });
  }

  async rolesOf(userId: string): Promise<AppRole[]> {
    return this.remember(`roles:${userId}`, async () => {
      const sp = await this.servicePrincipalOf();
      const roles = new Set<AppRole>();
      try {
        const path = `/users/${encodeURIComponent(userId)}/appRoleAssignments?$filter=${encodeURIComponent(`resourceId eq ${sp.id}`)}`;
        for await (const page of this.client.pages<AppRoleAssignment>(path)) {
          for (const assignment of page.value) {
            const role = sp.roles.get(assignment.appRoleId);
            if (role) roles.add(role);
          }
        }
      } catch (error) {
        if (failureOf(error)?.status === 404) return [];
        return translate(error, { entity: "App role assignments", id: userId });
      }
      return [...roles];
    });
  }

  /** The add-in's service principal and its roles by id (`appRoles`), read once. */
  private servicePrincipalOf(): Promise<{ id: string; roles: Map<string, AppRole> }> {
    this.servicePrincipal ??= (async () => {
      try {
        const sp = (await this.client.api(`/servicePrincipals(appId='${encodeURIComponent(this.options.clientId)}')`).query({ $select: "id,appRoles" }).get()) as { id: string; appRoles?: AppRoleDefinition[] };
        const roles = new Map<string, AppRole>();
        for (const definition of sp.appRoles ?? []) {
          if (definition.isEnabled === false || !definition.value) continue;
          const known = APP_ROLES.find((role) => role.toLowerCase() === definition.value!.toLowerCase());
          if (known) roles.set(definition.id, known);
        }
        return { id: sp.id, roles };
      } catch (error) {
        this.servicePrincipal = undefined;
        return translate(error, { entity: "Service principal", id: this.options.clientId });
      }
    })();
    return this.servicePrincipal;
  }

  private remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.value as Promise<T>;
    if (this.cache.size > 10_000) this.cache.clear();
    const value = load();
    this.cache.set(key, { until: now + this.cacheMs, value });
    value.catch(() => this.cache.delete(key));
    return value;
  }
}

function toDirectoryUser(user: GraphUser): DirectoryUser | undefined {
  if (user.accountEnabled === false) return undefined;
  const email = user.mail ?? (user.userPrincipalName?.includes("@") ? user.userPrincipalName : undefined) ?? undefined;
  return {
    id: user.id,
    displayName: user.displayName ?? email ?? user.id,
    ...(email ? { email } : {}),
    ...(user.preferredLanguage ? { locale: user.preferredLanguage } : {}),
  };
}
