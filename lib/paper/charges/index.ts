export { computeCharges, computeFillCharges, computeOrderCharges } from './compute-charges';
export { dpCharge, type DpChargeBreakdown } from './dp-charge';
export { computeCncFillCharges, computeCncOrderCharges, type CncPreviousFill, type CncSplit, type DayBuy } from './same-day-cnc';
export { computeExerciseCharges, computeExpiryCharges, intrinsicValue } from './exercise-charges';
export { Money, money, roundPaise, roundRupee, rupeeString, type MoneyInput } from './money';
export * from './rates';
export * from './types';
