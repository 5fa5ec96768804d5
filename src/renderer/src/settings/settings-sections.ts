import type { Said } from '../../../shared/i18n/said';
import type { MessageId } from '../../../shared/i18n/message-args';

/** The sections of Settings, in the order of the side list. */
export const SECTIONS = [
  'store',
  'account',
  'customerPage',
  'printer',
  'callbacks',
  'limits',
  'staff',
  'pin',
  'about',
] as const;
export type SectionKey = (typeof SECTIONS)[number];

/** Each section's name, as the side list, its heading and the PIN dialog say it. */
export const SECTION_NAMES = {
  store: 'settings.section.store',
  account: 'settings.section.account',
  customerPage: 'settings.section.customerPage',
  printer: 'settings.section.printer',
  callbacks: 'settings.section.callbacks',
  limits: 'settings.section.limits',
  staff: 'settings.section.staff',
  pin: 'settings.section.pin',
  about: 'settings.section.about',
} as const satisfies Readonly<Record<SectionKey, MessageId>>;

/** The section where an address of the settings is typed. */
const ADDRESS_SECTIONS: Readonly<Record<string, SectionKey>> = {
  gateUrl: 'account',
  paymentPageUrl: 'customerPage',
  customerReturnUrl: 'customerPage',
  successUrl: 'customerPage',
  callbackPublicUrl: 'callbacks',
  relayCallbackUrl: 'callbacks',
};

/** The section that fixes a problem main reports as stopping live payments. */
export function sectionOfProblem(problem: Said): SectionKey | undefined {
  if (problem.id === 'settings.problem.live.insecureAddress')
    return ADDRESS_SECTIONS[String(problem.values?.['field'] ?? '')];
  if (problem.id.startsWith('settings.problem.storeIp.')) return 'store';
  switch (problem.id) {
    case 'settings.problem.live.noProject':
    case 'settings.problem.live.noSecret':
    case 'settings.problem.live.needAccount':
    case 'settings.problem.live.testFirst':
      return 'account';
    case 'settings.problem.live.noReturnPage':
      return 'customerPage';
    case 'settings.problem.live.noStoreIp':
      return 'store';
    case 'settings.keychain.unavailable':
      return 'about';
    default:
      return undefined;
  }
}
