// Every problem code of the service (shared-kernel ErrorCode) as a sentence for the buyer. A code missing here
// falls back to the problem's own detail; ProblemSentencesTest checks that none is missing.

const SENTENCES = {
  VALIDATION_FAILED: 'Something in the request is not valid.',
  IDEMPOTENCY_KEY_MISSING: 'The request was sent without its purchase key.',
  IDEMPOTENCY_KEY_INVALID: 'The purchase key of this request is not valid.',
  UNAUTHENTICATED: 'Your sign-in has expired or is not valid: please sign in again.',
  FORBIDDEN: 'Your account may not do that.',
  NOT_FOUND: 'That could not be found.',
  PRODUCT_NOT_FOUND: 'That product is not in the catalog.',
  ORDER_NOT_FOUND: 'That order could not be found.',
  METHOD_NOT_ALLOWED: 'The service does not accept this kind of request here.',
  UNSUPPORTED_MEDIA_TYPE: 'The service does not accept the format of this request.',
  NOT_ACCEPTABLE: 'The service cannot answer in a format this page reads.',
  ALREADY_OWNED: 'You already own this product.',
  PURCHASE_PENDING: (p) => `You already have an unpaid order for this product${p.orderId ? ` (${p.orderId})` : ''}: pay or cancel it first.`,
  IDEMPOTENCY_KEY_IN_USE: 'This purchase is still being processed; trying again in a moment.',
  CONFLICT: 'The order was changing at the same moment; please try again.',
  ORDER_NOT_PAYABLE: 'This order can no longer be paid.',
  ORDER_NOT_CANCELLABLE: 'This order can no longer be cancelled.',
  ORDER_NOT_REFUNDABLE: 'This order cannot be refunded.',
  PAYMENT_NOT_PAYABLE: 'This payment can no longer be made: start a new one.',
  PROVIDER_UNAVAILABLE: 'The payment provider is not answering; please try again in a moment.',
  SERVICE_UNAVAILABLE: 'The shop is briefly unavailable; your request will be retried in a moment.',
  PRODUCT_CONFLICT: 'Another product with this id already exists.',
  SEAT_UNAVAILABLE: (p) => `Some of the seats you chose were just taken${Array.isArray(p.seats) ? `: ${p.seats.join(', ')}` : ''}.`,
  NOT_ENOUGH_SEATS: 'There is no block of that many seats side by side left in this category.',
  TICKET_LIMIT_EXCEEDED: 'That is more tickets than one order, or one person, may buy for this program.',
  PROGRAM_CONFLICT: 'Another program with this id already exists.',
  COUPON_NOT_FOUND: 'That coupon does not exist or cannot be claimed now.',
  COUPON_ALREADY_CLAIMED: 'You have already claimed this coupon.',
  COUPON_SOLD_OUT: 'This coupon has run out.',
  COUPON_CONFLICT: 'Another coupon with this id already exists.',
  COUPON_NOT_CLAIMED: 'Claim this coupon before using it.',
  COUPON_ALREADY_USED: 'This coupon is already used by another order.',
  COUPON_NOT_APPLICABLE: 'This coupon cannot be used for this order: it has expired, or it is worth more than the order.',
  CLAIM_LIMIT_REACHED: 'You have claimed as many coupons as one day allows; try again tomorrow.',
  IDEMPOTENCY_KEY_REUSED: 'This purchase key was already used for a different request.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
  REQUEST_TIMEOUT: 'The request took too long to arrive.',
  RATE_LIMITED: 'Too many requests at once; trying again in a moment.',
  INTERNAL_ERROR: 'Something went wrong on our side; nothing was changed unless your orders say otherwise.',
};

/** The sentence for a problem body; unknown codes fall back to the problem's detail. */
export function describe(problem) {
  const sentence = SENTENCES[problem?.code];
  if (typeof sentence === 'function') return sentence(problem);
  return sentence ?? problem?.detail ?? problem?.title ?? 'The service refused the request.';
}
