/**
 * The people of the local demo: the secretariat, the chair, an observer, an administrator and
 * the technical and senior focal points of each demo ministry. Their ids are stable (they look
 * like Entra object ids) so that the tab's persona switcher and the bot's Playground persona can
 * name them across restarts.
 */
import type { AppRole } from "../core/ports/directory";
import type { FocalPointRole } from "../core/ministries/focal-point";

export interface Persona {
  id: string;
  displayName: string;
  email: string;
  roles: AppRole[];
  /** What the persona stands for, shown in the persona switcher. */
  description: string;
  /** For focal points: the demo ministry (by name) and the role. */
  focalPoint?: { ministry: string; role: FocalPointRole };
}

const id = (n: number) => `6f1c0d2e-5a7b-4c3d-9e8f-${n.toString().padStart(12, "0")}`;

export const DEMO_MINISTRIES = [
  { name: "Ministry of Justice", acronym: "MoJ" },
  { name: "Ministry of the Interior", acronym: "MoI" },
  { name: "Ministry of Education, Science and Sport", acronym: "MESS" },
  { name: "Ministry of Health", acronym: "MoH" },
  { name: "Ministry of Labour, Family and Social Affairs", acronym: "MLFSA" },
  { name: "Ministry of Foreign Affairs", acronym: "MFA" },
  { name: "Office for Equal Opportunities", acronym: "OEO" },
  { name: "Ministry of Culture", acronym: "MoC" },
] as const;

const FOCAL_POINT_NAMES: [technical: string, senior: string][] = [
  ["Petra Kovač", "Janez Kos"],
  ["Amira Hadžić", "Marko Vidmar"],
  ["Eva Golob", "Tomaž Žagar"],
  ["Nina Kralj", "Andrej Turk"],
  ["Sara Mlakar", "Boris Kavčič"],
  ["Lea Petek", "Gregor Zorko"],
  ["Tina Bizjak", "Robert Jereb"],
  ["Urška Rozman", "Matej Koren"],
];

function emailOf(name: string): string {
  const ascii = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return `${ascii.replace(/[^a-z]+/g, ".").replace(/^\.|\.$/g, "")}@gov.example`;
}

export const DEMO_PERSONAS: readonly Persona[] = [
  { id: id(1), displayName: "Maja Novak", email: "maja.novak@gov.example", roles: ["Secretariat"], description: "secretariat officer of the mechanism" },
  { id: id(2), displayName: "Aleš Horvat", email: "ales.horvat@gov.example", roles: ["Secretariat"], description: "head of the secretariat" },
  { id: id(3), displayName: "Minister Irena Kralj", email: "irena.kralj@gov.example", roles: ["Chair"], description: "chair of the mechanism (approves drafts)" },
  { id: id(4), displayName: "Ana Zupan", email: "ana.zupan@ombudsman.example", roles: ["Observer"], description: "observer from the national human rights institution" },
  { id: id(5), displayName: "Luka Primc", email: "luka.primc@gov.example", roles: ["Admin"], description: "administrator (IT of the lead ministry)" },
  ...DEMO_MINISTRIES.flatMap((ministry, index) => {
    const [technical, senior] = FOCAL_POINT_NAMES[index]!;
    return [
      { id: id(100 + index * 2), displayName: technical, email: emailOf(technical), roles: [] as AppRole[], description: `technical focal point, ${ministry.name}`, focalPoint: { ministry: ministry.name, role: "technical" as const } },
      { id: id(101 + index * 2), displayName: senior, email: emailOf(senior), roles: [] as AppRole[], description: `senior focal point, ${ministry.name}`, focalPoint: { ministry: ministry.name, role: "senior" as const } },
    ];
  }),
];

export function personaById(personaId: string): Persona | undefined {
  return DEMO_PERSONAS.find((p) => p.id === personaId);
}
