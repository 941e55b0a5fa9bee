import { lineProblems, money, toMoneyString, type TotalsProblem } from '@simpul/contracts';
import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { lineAmountsOf, lineTotalOf, orderSummary, type EditorLine, type OrderFormState } from './order-form';

/** Indonesia's VAT (PPN) rate, for the tax helper button. */
export const PPN_RATE = '0.11';

/**
 * Live arithmetic of the order editor, with the shared decimal rules the server enforces
 * (`line_total = qty × unit_price − discount`, `total = subtotal + tax`). Nothing here uses JS floats.
 */
export function useOrderTotals(formSource: MaybeRefOrGetter<OrderFormState>) {
  const summary = computed(() => orderSummary(toValue(formSource)));

  /** A line's total, or null while one of its inputs is not a number yet. */
  function lineTotal(line: EditorLine): string | null {
    return lineTotalOf(line, toValue(formSource).numberLocale);
  }

  /** The arithmetic problem of a line (a discount above qty × price), if any. */
  function lineProblem(line: EditorLine): TotalsProblem | null {
    const amounts = lineAmountsOf(line, toValue(formSource).numberLocale);
    return amounts === null ? null : (lineProblems(amounts)[0] ?? null);
  }

  /** Tax at `rate` of the current subtotal, rounded half-up to 2 places (null while the subtotal is malformed). */
  function taxAt(rate: string = PPN_RATE): string | null {
    const subtotal = summary.value.subtotal;
    return subtotal === null ? null : toMoneyString(money(subtotal).times(money(rate)));
  }

  return {
    summary,
    lineTotal,
    lineProblem,
    taxAt,
    productTotal: computed(() => summary.value.productTotal),
    serviceTotal: computed(() => summary.value.serviceTotal),
    linesTotal: computed(() => summary.value.linesTotal),
    incomplete: computed(() => summary.value.incomplete),
    subtotal: computed(() => summary.value.subtotal),
    tax: computed(() => summary.value.tax),
    total: computed(() => summary.value.total),
    subtotalDiffers: computed(() => summary.value.subtotalDiffers),
    amounts: computed(() => summary.value.amounts),
  };
}

export type OrderTotals = ReturnType<typeof useOrderTotals>;
