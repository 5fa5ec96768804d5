/**
 * The words of the fields the first-run walk-through and Settings share, written once so the
 * two never explain the same setting differently.
 */
export const FIELD_TEXTS = {
  projectId: {
    label: 'Project id',
    hint: 'ecommpay Dashboard → Projects: the number of the project for this store.',
  },
  gateUrl: { label: 'Gate URL', hint: "ecommpay's own unless they gave you another." },
  secret: {
    label: 'Secret key',
    hint: "From the same project page. It goes to this PC's keychain and is never shown again.",
  },
  customerReturnUrl: {
    label: 'Customer return page',
    hint: "An https:// page of your shop: the customer's phone opens it after paying in Alipay.",
  },
  successUrl: {
    label: 'Success page (optional)',
    hint: 'Only if successful payments should land elsewhere than the return page.',
  },
  storeIpAddress: {
    label: 'Store public IP address',
    hint: 'Open "what is my IP" in a browser on a PC in the store and copy the address (IPv4 or IPv6). Gate checks each payment against where the customer is: in the store.',
  },
} as const;
