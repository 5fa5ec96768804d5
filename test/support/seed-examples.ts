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
