export * from './currencies';
export * from './parse-amount';
export * from './format-amount';
export * from './limits';
export * from './purchase-amount';
export * from './decimal-marks';
export * from './money-said';
