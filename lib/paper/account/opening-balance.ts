import { Decimal } from 'decimal.js';

/** Every new paper account starts with ₹1,00,000 of virtual cash. */
export const OPENING_BALANCE = new Decimal('100000.00');
