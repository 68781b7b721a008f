export const APP_ROLES = ["Secretariat", "Chair", "Observer", "Admin"] as const;
export type AppRole = (typeof APP_ROLES)[number];

export interface DirectoryUser {
  id: string;
  displayName: string;
  email?: string;
  /** The user's preferred language, e.g. `fr-FR`, when the directory knows it. */
  locale?: string;
}

/** Who people are: Entra ID in a tenant, the local personas in local mode. */
export interface Directory {
  getUser(userId: string): Promise<DirectoryUser | undefined>;
  /** The people holding an app role (e.g. everyone in the secretariat, the chair). */
  usersWithRole(role: AppRole): Promise<DirectoryUser[]>;
  /** The app roles a person holds (the bot has no token to read them from). */
  rolesOf(userId: string): Promise<AppRole[]>;
}
