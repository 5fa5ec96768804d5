/**
 * The Alipay seed's examples (../shared/seeds/000_6acb01a94b30b3a6.txt), without their
 * placeholder signatures, shared by tests and the benchmark.
 */

/** The seed's success callback: a 10.00 CNY purchase by customer 125 in project 201. */
export const SEED_SUCCESS_CALLBACK = {
  project_id: 201,
  payment: {
    id: 'ECT_TEST_155125514200636',
    type: 'purchase',
    status: 'success',
    date: '2019-02-27T16:01:25+0000',
    method: 'alipay',
    sum: { amount: 1000, currency: 'CNY' },
    description: 'ECT_TEST_1551255142006',
  },
  customer: { id: '125' },
  operation: {
    id: 20891000000045,
    type: 'sale',
    status: 'success',
    date: '2019-02-27T16:01:25+0000',
    created_date: '2019-02-27T15:46:21+0000',
    request_id: '85d4801f8fa9dead54d315ae19ecb4550201cdcafab',
    sum_initial: { amount: 1000, currency: 'CNY' },
    sum_converted: { amount: 1000, currency: 'CNY' },
    provider: {
      id: 1189,
      payment_id: 'Abe9VAEokJyIqyRcX10TLkz30XQbmK3f',
      date: '2019-02-27T16:01:24+0000',
      auth_code: '',
    },
    code: '0',
    message: 'Success',
  },
};

/**
 * The seed's decline callback. The seed prints it without its opening `"payment": {` line (and
 * without project_id): it is restored here as the standard format has it.
 */
export const SEED_DECLINE_CALLBACK = {
  payment: {
    id: 'ECT_TEST_1551103453746538344',
    type: 'purchase',
    status: 'decline',
    date: '2019-02-27T14:41:30+0000',
    method: 'alipay',
    sum: { amount: 10000, currency: 'CNY' },
    description: '',
  },
  operation: {
    id: 20370000000023,
    type: 'sale',
    status: 'decline',
    date: '2019-02-27T14:41:30+0000',
    created_date: '2019-02-26T13:39:44+0000',
    request_id: '36e07e85504ec76924432b3d6e59e5d5066ebb',
    sum_initial: { amount: 10000, currency: 'CNY' },
    sum_converted: { amount: 10000, currency: 'CNY' },
    provider: {
      id: 1189,
      payment_id: 'g4Ld5b6iSuzTmukZUj1RVkXNMuYSj07I',
      date: '2019-02-27T14:41:29+0000',
      auth_code: '',
    },
    code: '20105',
    message: 'Insufficient funds on customer account',
  },
};

/**
 * The intermediate callback the seed describes (its "display_data" fragment, in the standard
 * callback format): the QR as `qr_data` and its lifetime as `QR Code Timeout`.
 */
export const SEED_QR_CALLBACK = {
  project_id: 201,
  payment: {
    id: 'ECT_TEST_155125514200637',
    type: 'purchase',
    status: 'awaiting customer action',
    date: '2019-02-27T16:01:25+0000',
    method: 'alipay',
    sum: { amount: 1000, currency: 'CNY' },
    description: 'ECT_TEST_1551255142007',
  },
  customer: { id: '125' },
  operation: {
    id: 20891000000046,
    type: 'sale',
    status: 'awaiting customer action',
    date: '2019-02-27T15:46:22+0000',
    created_date: '2019-02-27T15:46:21+0000',
    request_id: '85d4801f8fa9dead54d315ae19ecb4550201cdcafac',
    sum_initial: { amount: 1000, currency: 'CNY' },
    sum_converted: { amount: 1000, currency: 'CNY' },
    code: '29999',
    message: 'Awaiting processing',
  },
  display_data: [
    { type: 'qr_data', title: 'QR code', data: 'weixin://wxpay/bizpayurl?pr=dMrSpJG' },
    { type: 'add_info', title: 'QR Code Timeout', data: '600' },
  ],
};

/**
 * The documented card callback of ecommpay-gate.md §3.2 (vector E4): a payment in another
 * method, with an `account` block and a big integer operation id.
 */
export const DOC_CARD_CALLBACK = {
  project_id: 28051,
  payment: {
    id: '5242723',
    type: 'purchase',
    status: 'success',
    date: '2023-03-10T12:26:17+0000',
    method: 'card',
    sum: { amount: 5200, currency: 'EUR' },
    description: '',
  },
  account: {
    number: '424242******4242',
    token: 'token',
    type: 'visa',
    card_holder: 'TEST TEST',
    expiry_month: '01',
    expiry_year: '2025',
  },
  customer: { id: '782572' },
  operation: {
    id: 5028800010128225,
    type: 'sale',
    status: 'success',
    date: '2023-03-10T12:26:17+0000',
    created_date: '2023-03-10T12:26:15+0000',
    request_id: '1f6d3ac-fc98e73-05028801',
    sum_initial: { amount: 5200, currency: 'EUR' },
    sum_converted: { amount: 5200, currency: 'EUR' },
    provider: {
      id: 6,
      payment_id: '16784511766816',
      date: '2023-03-10T10:26:17+0000',
      auth_code: '563253',
      endpoint_id: 6,
    },
    code: '0',
    message: 'Success',
  },
};
