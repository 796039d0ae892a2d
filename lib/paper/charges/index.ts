export { computeCharges, computeFillCharges, computeOrderCharges } from './compute-charges';
export { dpCharge, type DpChargeBreakdown } from './dp-charge';
export { computeExerciseCharges } from './exercise-charges';
export { Money, money, roundPaise, roundRupee, rupeeString, type MoneyInput } from './money';
export * from './rates';
export * from './types';
