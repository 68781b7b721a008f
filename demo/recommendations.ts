/**
 * The demo's recommendations: the third-cycle UPR recommendations to a (fictional) State,
 * written after the style of the OHCHR thematic list (symbol, paragraph, recommending States,
 * position, cluster, themes, groups, SDGs), each with the ministry that leads on it.
 */
import type { UprPosition } from "../core/records/taxonomy";

export const DEMO_SYMBOL = "A/HRC/43/15";
export const DEMO_POSITION_SOURCE = "A/HRC/43/15/Add.1";
export const DEMO_CYCLE = 3;
export const DEMO_SESSION = 34;

export interface DemoRecommendation {
  paragraph: string;
  text: string;
  states: string[];
  position: UprPosition;
  cluster: string;
  themes: string[];
  groups?: string[];
  sdgs: number[];
  lead: string;
  supporting?: string[];
  shared?: boolean;
}

const JUSTICE = "Ministry of Justice";
const INTERIOR = "Ministry of the Interior";
const EDUCATION = "Ministry of Education, Science and Sport";
const HEALTH = "Ministry of Health";
const LABOUR = "Ministry of Labour, Family and Social Affairs";
const FOREIGN = "Ministry of Foreign Affairs";
const EQUALITY = "Office for Equal Opportunities";
const CULTURE = "Ministry of Culture";

const INSTRUMENTS = "Acceptance of international norms";
const NHRI = "National human rights institution";
const DISCRIMINATION = "Equality and non-discrimination";
const JUSTICE_CLUSTER = "Administration of justice and fair trial";
const TRAFFICKING = "Trafficking in persons";
const WOMEN = "Women's rights and gender-based violence";
const CHILDREN = "Rights of the child";
const MIGRANTS = "Migrants, refugees and asylum seekers";
const MINORITIES = "Minorities and Roma";
const ESC = "Economic, social and cultural rights";

export const DEMO_RECOMMENDATIONS: DemoRecommendation[] = [
  { paragraph: "148.1", text: "Ratify the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families.", states: ["Indonesia", "Philippines", "Sri Lanka"], position: "noted", cluster: INSTRUMENTS, themes: ["Scope of international obligations", "Migrants"], groups: ["migrants"], sdgs: [8, 10], lead: FOREIGN, supporting: [LABOUR], shared: true },
  { paragraph: "148.2", text: "Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights.", states: ["Portugal", "Gabon"], position: "supported", cluster: INSTRUMENTS, themes: ["Scope of international obligations"], sdgs: [1, 10], lead: FOREIGN, shared: true },
  { paragraph: "148.3", text: "Consider ratifying the Council of Europe Convention on preventing and combating violence against women and domestic violence, if not yet done, and ensure its full implementation.", states: ["Netherlands"], position: "supported", cluster: INSTRUMENTS, themes: ["Violence against women"], groups: ["women"], sdgs: [5, 16], lead: FOREIGN, supporting: [EQUALITY] },
  { paragraph: "148.4", text: "Adopt an open, merit-based selection process when selecting national candidates for United Nations treaty body elections.", states: ["United Kingdom of Great Britain and Northern Ireland"], position: "supported-in-part", cluster: INSTRUMENTS, themes: ["Cooperation with treaty bodies"], sdgs: [16], lead: FOREIGN },
  { paragraph: "148.5", text: "Strengthen the mandate and resources of the Human Rights Ombudsman so that it fully complies with the Paris Principles.", states: ["Ukraine", "Greece", "Nepal"], position: "supported", cluster: NHRI, themes: ["National human rights institution"], sdgs: [16], lead: JUSTICE, shared: true },
  { paragraph: "148.6", text: "Provide the national human rights institution with adequate financial and human resources to carry out its mandate effectively and independently.", states: ["Egypt", "Qatar"], position: "supported", cluster: NHRI, themes: ["National human rights institution", "Budget and resources"], sdgs: [16, 17], lead: JUSTICE, shared: true },
  { paragraph: "148.7", text: "Adopt a national action plan on human rights covering all areas of concern identified by the treaty bodies.", states: ["Morocco", "Armenia"], position: "supported", cluster: NHRI, themes: ["Human rights policies", "National plans of action on human rights"], sdgs: [16], lead: JUSTICE, supporting: [FOREIGN] },
  { paragraph: "148.8", text: "Adopt comprehensive anti-discrimination legislation that prohibits discrimination on all grounds, including sexual orientation and gender identity, in all areas of life.", states: ["Canada", "Iceland"], position: "supported", cluster: DISCRIMINATION, themes: ["Equality and non-discrimination", "Sexual orientation and gender identity"], groups: ["lesbian, gay, bisexual, transgender and intersex persons"], sdgs: [5, 10, 16], lead: EQUALITY, supporting: [JUSTICE], shared: true },
  { paragraph: "148.9", text: "Intensify efforts to combat hate speech, including online, and ensure that hate crimes are effectively investigated, prosecuted and punished.", states: ["Germany", "Israel", "Argentina"], position: "supported", cluster: DISCRIMINATION, themes: ["Hate speech", "Racial discrimination"], groups: ["minorities"], sdgs: [10, 16], lead: INTERIOR, supporting: [JUSTICE] },
  { paragraph: "148.10", text: "Collect disaggregated data on hate crimes and incidents of discrimination to inform policy measures.", states: ["Austria"], position: "supported", cluster: DISCRIMINATION, themes: ["Statistics and indicators", "Racial discrimination"], sdgs: [10, 16, 17], lead: INTERIOR },
  { paragraph: "148.11", text: "Continue awareness-raising campaigns to promote tolerance and respect for diversity, particularly among young people.", states: ["Azerbaijan", "Tunisia"], position: "supported", cluster: DISCRIMINATION, themes: ["Human rights education, trainings and awareness raising"], groups: ["youth"], sdgs: [4, 10], lead: EDUCATION },
  { paragraph: "148.12", text: "Reduce the length of judicial proceedings and the backlog of cases before the courts.", states: ["Italy"], position: "supported", cluster: JUSTICE_CLUSTER, themes: ["Administration of justice and fair trial"], sdgs: [16], lead: JUSTICE },
  { paragraph: "148.13", text: "Ensure access to free legal aid for all persons who cannot afford it, including asylum seekers and persons with disabilities.", states: ["Senegal", "Bosnia and Herzegovina"], position: "supported", cluster: JUSTICE_CLUSTER, themes: ["Access to justice and remedy"], groups: ["persons with disabilities", "asylum seekers"], sdgs: [16], lead: JUSTICE, shared: true },
  { paragraph: "148.14", text: "Improve conditions of detention and reduce overcrowding in prisons, in line with the Nelson Mandela Rules.", states: ["Denmark", "Chile"], position: "supported", cluster: JUSTICE_CLUSTER, themes: ["Conditions of detention", "Prohibition of torture and cruel, inhuman or degrading treatment"], groups: ["persons deprived of their liberty"], sdgs: [16], lead: JUSTICE },
  { paragraph: "148.15", text: "Establish an independent mechanism to investigate allegations of ill-treatment by law enforcement officials.", states: ["Czechia"], position: "supported-in-part", cluster: JUSTICE_CLUSTER, themes: ["Prohibition of torture and cruel, inhuman or degrading treatment"], sdgs: [16], lead: INTERIOR, supporting: [JUSTICE] },
  { paragraph: "148.16", text: "Strengthen the identification of victims of trafficking in persons and ensure their access to protection and assistance regardless of their cooperation with the authorities.", states: ["Belarus", "Thailand", "United States of America"], position: "supported", cluster: TRAFFICKING, themes: ["Trafficking in persons"], groups: ["victims of trafficking"], sdgs: [5, 8, 16], lead: INTERIOR, supporting: [LABOUR], shared: true },
  { paragraph: "148.17", text: "Provide systematic training on trafficking in persons to police officers, prosecutors, judges and labour inspectors.", states: ["Philippines"], position: "supported", cluster: TRAFFICKING, themes: ["Trafficking in persons", "Human rights education, trainings and awareness raising"], sdgs: [16], lead: INTERIOR },
  { paragraph: "148.18", text: "Prosecute and adequately sentence perpetrators of trafficking in persons, including for labour exploitation.", states: ["Sweden"], position: "supported", cluster: TRAFFICKING, themes: ["Trafficking in persons"], sdgs: [8, 16], lead: JUSTICE },
  { paragraph: "148.19", text: "Continue efforts to eliminate domestic violence and violence against women, including by ensuring sufficient shelters and support services for victims.", states: ["France", "Spain", "Lebanon"], position: "supported", cluster: WOMEN, themes: ["Violence against women", "Domestic violence"], groups: ["women"], sdgs: [5, 16], lead: LABOUR, supporting: [INTERIOR, EQUALITY], shared: true },
  { paragraph: "148.20", text: "Amend the Criminal Code to define rape on the basis of the absence of consent.", states: ["Finland", "Belgium"], position: "supported", cluster: WOMEN, themes: ["Violence against women"], groups: ["women"], sdgs: [5], lead: JUSTICE },
  { paragraph: "148.21", text: "Take measures to close the gender pay gap and increase the representation of women in decision-making positions.", states: ["Cyprus", "Malaysia"], position: "supported", cluster: WOMEN, themes: ["Women's rights", "Right to just and favourable conditions of work"], groups: ["women"], sdgs: [5, 8], lead: LABOUR, supporting: [EQUALITY] },
  { paragraph: "148.22", text: "Prohibit corporal punishment of children explicitly in all settings.", states: ["Estonia", "Montenegro"], position: "supported", cluster: CHILDREN, themes: ["Corporal punishment", "Rights of the child"], groups: ["children"], sdgs: [16], lead: LABOUR, supporting: [EDUCATION] },
  { paragraph: "148.23", text: "Ensure that the best interests of the child are a primary consideration in all asylum and migration procedures, and end the detention of migrant children.", states: ["Mexico", "Uruguay"], position: "supported-in-part", cluster: CHILDREN, themes: ["Rights of the child", "Migrants"], groups: ["children", "migrants"], sdgs: [10, 16], lead: INTERIOR, supporting: [LABOUR] },
  { paragraph: "148.24", text: "Strengthen inclusive education and ensure that children with disabilities have access to mainstream schools with reasonable accommodation.", states: ["Bulgaria", "Maldives"], position: "supported", cluster: CHILDREN, themes: ["Right to education", "Persons with disabilities: accessibility"], groups: ["children", "persons with disabilities"], sdgs: [4, 10], lead: EDUCATION, shared: true },
  { paragraph: "148.25", text: "Improve the reception conditions of asylum seekers and ensure access to fair and efficient asylum procedures.", states: ["Afghanistan", "Brazil"], position: "supported", cluster: MIGRANTS, themes: ["Asylum-seekers", "Refugees"], groups: ["asylum seekers", "refugees"], sdgs: [10, 16], lead: INTERIOR },
  { paragraph: "148.26", text: "Ensure respect for the principle of non-refoulement and refrain from collective expulsions at the borders.", states: ["Switzerland", "Norway"], position: "supported", cluster: MIGRANTS, themes: ["Asylum-seekers", "Migrants"], groups: ["migrants", "asylum seekers"], sdgs: [10, 16], lead: INTERIOR },
  { paragraph: "148.27", text: "Facilitate the integration of refugees and persons granted international protection, including through language courses and access to employment.", states: ["Republic of Korea"], position: "supported", cluster: MIGRANTS, themes: ["Refugees", "Right to work"], groups: ["refugees"], sdgs: [8, 10], lead: LABOUR, supporting: [EDUCATION] },
  { paragraph: "148.28", text: "Continue to improve the living conditions of Roma, in particular access to drinking water, sanitation and adequate housing.", states: ["Slovakia", "Holy See", "India"], position: "supported", cluster: MINORITIES, themes: ["Minorities", "Right to water and sanitation", "Right to adequate housing"], groups: ["Roma"], sdgs: [6, 11], lead: LABOUR, supporting: [HEALTH], shared: true },
  { paragraph: "148.29", text: "Take further measures to increase school enrolment and reduce early school leaving among Roma children.", states: ["Croatia", "Serbia"], position: "supported", cluster: MINORITIES, themes: ["Right to education", "Minorities"], groups: ["Roma", "children"], sdgs: [4], lead: EDUCATION },
  { paragraph: "148.30", text: "Ensure the effective participation of national minorities in public life and protect their linguistic and cultural rights.", states: ["Hungary", "Russian Federation"], position: "supported", cluster: MINORITIES, themes: ["Minorities", "Cultural rights"], groups: ["minorities"], sdgs: [10, 16], lead: CULTURE },
  { paragraph: "148.31", text: "Recognise the German-speaking community as a national minority.", states: ["Austria"], position: "noted", cluster: MINORITIES, themes: ["Minorities"], groups: ["minorities"], sdgs: [10], lead: CULTURE },
  { paragraph: "148.32", text: "Continue efforts to reduce poverty, in particular among older persons and single-parent families.", states: ["China", "Viet Nam"], position: "supported", cluster: ESC, themes: ["Right to an adequate standard of living", "Poverty"], groups: ["older persons"], sdgs: [1, 10], lead: LABOUR, shared: true },
  { paragraph: "148.33", text: "Shorten waiting times for health care and ensure equal access to health services throughout the country.", states: ["Cuba"], position: "supported", cluster: ESC, themes: ["Right to health"], sdgs: [3], lead: HEALTH },
  { paragraph: "148.34", text: "Strengthen mental health services for children and adolescents.", states: ["Luxembourg"], position: "supported", cluster: ESC, themes: ["Right to health", "Rights of the child"], groups: ["children"], sdgs: [3], lead: HEALTH, supporting: [EDUCATION] },
  { paragraph: "148.35", text: "Ensure that persons with disabilities have access to community-based services and support for independent living, and accelerate deinstitutionalisation.", states: ["New Zealand", "Ireland"], position: "supported-in-part", cluster: ESC, themes: ["Persons with disabilities: independence, inclusion in the community"], groups: ["persons with disabilities"], sdgs: [10, 11], lead: LABOUR, supporting: [HEALTH] },
  { paragraph: "148.36", text: "Strengthen climate change mitigation and adaptation policies, taking into account their impact on the enjoyment of human rights.", states: ["Fiji", "Marshall Islands"], position: "supported", cluster: ESC, themes: ["Human rights and the environment", "Climate change"], sdgs: [13], lead: FOREIGN },
];
